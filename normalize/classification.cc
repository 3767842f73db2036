#include "normalize/classification.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <unordered_map>

#include "core/text.h"

namespace disclose {
namespace {

struct ClassName {
  const char* code;
  const char* name;  // national name, current first, then older names
};

// 支出功能分类科目 类 names. Older editions of the classification renamed a few
// classes (210 was 医疗卫生与计划生育支出 until 2018), so documents of different
// years print different names for the same code.
constexpr std::array<ClassName, 41> kFunctionClasses = {{
    {"201", "一般公共服务支出"},
    {"202", "外交支出"},
    {"203", "国防支出"},
    {"204", "公共安全支出"},
    {"205", "教育支出"},
    {"206", "科学技术支出"},
    {"207", "文化旅游体育与传媒支出"},
    {"207", "文化体育与传媒支出"},
    {"207", "文化和旅游体育与传媒支出"},
    {"208", "社会保障和就业支出"},
    {"209", "社会保险基金支出"},
    {"210", "卫生健康支出"},
    {"210", "医疗卫生与计划生育支出"},
    {"210", "医疗卫生支出"},
    {"211", "节能环保支出"},
    {"212", "城乡社区支出"},
    {"213", "农林水支出"},
    {"214", "交通运输支出"},
    {"215", "资源勘探工业信息等支出"},
    {"215", "资源勘探信息等支出"},
    {"215", "资源勘探电力信息等支出"},
    {"216", "商业服务业等支出"},
    {"217", "金融支出"},
    {"219", "援助其他地区支出"},
    {"220", "自然资源海洋气象等支出"},
    {"220", "国土海洋气象等支出"},
    {"221", "住房保障支出"},
    {"222", "粮油物资储备支出"},
    {"223", "国有资本经营预算支出"},
    {"224", "灾害防治及应急管理支出"},
    {"227", "预备费"},
    {"229", "其他支出"},
    {"230", "转移性支出"},
    {"231", "债务还本支出"},
    {"232", "债务付息支出"},
    {"233", "债务发行费用支出"},
    {"234", "抗疫特别国债安排的支出"},
    {"234", "抗疫特别国债安排支出"},
    {"222", "粮油物资储备管理支出"},
    {"213", "农林水事务支出"},
    {"212", "城乡社区事务支出"},
}};

// 款 and 项 names, every spelling the documents print (generated; see the file's header).
constexpr ClassName kFunctionSubclasses[] = {
#include "normalize/function_subclasses.inc"
};

bool IsOrdinalChar(char32_t c) {
  static constexpr std::u32string_view kOrdinals = U"一二三四五六七八九十百零〇0123456789";
  return kOrdinals.find(c) != std::u32string_view::npos;
}

// Strips what documents print around a class name: "八、", "（一）", "1.",
// "(类)", spaces, and a trailing 支出 (which some tables omit), so that
// "八、社会保障和就业" and "社会保障和就业支出（类）" compare equal.
std::string NameKey(std::string_view printed) {
  std::vector<char32_t> cps = DecodeUtf8(FoldForMatching(RemoveAllWhitespace(printed)));
  std::size_t begin = 0;
  // Leading "(一)" / "(1)".
  if (begin < cps.size() && cps[begin] == U'(') {
    std::size_t i = begin + 1;
    while (i < cps.size() && IsOrdinalChar(cps[i])) ++i;
    if (i < cps.size() && i > begin + 1 && cps[i] == U')') begin = i + 1;
  }
  // Leading "八、" / "1." / "1、".
  {
    std::size_t i = begin;
    while (i < cps.size() && IsOrdinalChar(cps[i])) ++i;
    if (i > begin && i < cps.size() &&
        (cps[i] == U'、' || cps[i] == U'.' || cps[i] == U'．' || cps[i] == U',')) {
      begin = i + 1;
    }
  }
  std::u32string body(cps.begin() + static_cast<std::ptrdiff_t>(begin), cps.end());
  for (std::u32string_view suffix : {std::u32string_view(U"(类)"), std::u32string_view(U"类")}) {
    if (body.size() > suffix.size() && body.ends_with(suffix)) {
      body.resize(body.size() - suffix.size());
      break;
    }
  }
  if (body.size() > 2 && body.ends_with(U"支出")) body.resize(body.size() - 2);
  std::string out;
  for (char32_t c : body) AppendUtf8(out, c);
  return out;
}

}  // namespace

std::optional<std::string> FunctionClassCode(std::string_view printed_name) {
  const std::string key = NameKey(printed_name);
  if (key.empty()) return std::nullopt;
  // The national names' keys, folded once (the first name listed for a key wins, as before).
  static const std::unordered_map<std::string, std::string_view> kByKey = [] {
    std::unordered_map<std::string, std::string_view> by_key;
    for (const ClassName& entry : kFunctionClasses) by_key.emplace(NameKey(entry.name), entry.code);
    return by_key;
  }();
  auto found = kByKey.find(key);
  if (found == kByKey.end()) return std::nullopt;
  return std::string(found->second);
}

std::optional<std::string> FunctionClassCodeAfterAGarbledPrefix(std::string_view printed_name) {
  constexpr std::size_t kMaxPrefix = 5;  // code points: an ordinal and what a scan made of it
  const std::vector<char32_t> text = DecodeUtf8(printed_name);
  bool marked = false;
  for (std::size_t cut = 1; cut <= kMaxPrefix && cut < text.size(); ++cut) {
    const char32_t c = text[cut - 1];
    marked = marked || (c >= U'0' && c <= U'9') || c == U'、' || c == U'.' || c == U'．';
    if (!marked) continue;
    std::string rest;
    for (std::size_t i = cut; i < text.size(); ++i) AppendUtf8(rest, text[i]);
    const std::optional<std::string> code = FunctionClassCode(rest);
    if (code && code->size() == 3) return code;
  }
  return std::nullopt;
}

std::optional<std::string> CutFunctionClassCode(std::string_view printed_name) {
  constexpr std::size_t kMinCutCodePoints = 5;
  const std::string key = NameKey(printed_name);
  if (DecodeUtf8(key).size() < kMinCutCodePoints) return std::nullopt;
  std::optional<std::string> found;
  for (const ClassName& entry : kFunctionClasses) {
    // The key leaves 支出 out; a name cut inside it (一般公共服务支) begins the whole name.
    const std::string name = NameKey(entry.name) + "支出";
    if (name.size() <= key.size() || name.compare(0, key.size(), key) != 0) continue;
    if (name.size() == key.size() + std::string_view("支出").size() &&
        name.compare(key.size(), std::string::npos, "支出") == 0) {
      continue;  // the whole name: FunctionClassCode's
    }
    if (found && *found != entry.code) return std::nullopt;  // two classes begin so
    found = std::string(entry.code);
  }
  return found;
}

std::vector<std::string> KnownFunctionClassNames(std::string_view class_code) {
  std::vector<std::string> names;
  for (const ClassName& entry : kFunctionClasses) {
    if (class_code == entry.code) names.emplace_back(entry.name);
  }
  return names;
}

namespace {

// The first entry of the generated table whose code is not before `code` (the table is in code
// order): a code's spellings, and a parent's children, run from it.
const ClassName* FirstSubclassFrom(std::string_view code) {
  return std::lower_bound(
      std::begin(kFunctionSubclasses), std::end(kFunctionSubclasses), code,
      [](const ClassName& a, std::string_view b) { return std::string_view(a.code) < b; });
}

}  // namespace

std::vector<std::string> KnownFunctionSubclassNames(std::string_view code) {
  // The generated table is in code order (scripts/harvest-subclasses.py sorts it, and a test
  // holds it to that), so a code's spellings are one run found by binary search: OCR repair asks
  // this for every candidate code of every garbled row.
  const ClassName* entry = FirstSubclassFrom(code);
  std::vector<std::string> names;
  for (; entry != std::end(kFunctionSubclasses) && code == entry->code; ++entry) {
    names.emplace_back(entry->name);
  }
  return names;
}

std::vector<std::string> KnownFunctionChildCodes(std::string_view parent) {
  const std::size_t child_length = parent.size() == 3 ? 5 : parent.size() == 5 ? 7 : 0;
  std::vector<std::string> codes;
  if (child_length == 0) return codes;
  const ClassName* entry = FirstSubclassFrom(parent);
  for (; entry != std::end(kFunctionSubclasses) && StartsWith(entry->code, parent); ++entry) {
    const std::string_view code = entry->code;
    if (code.size() == child_length && (codes.empty() || codes.back() != code)) {
      codes.emplace_back(code);
    }
  }
  return codes;
}

bool FunctionSubclassesInCodeOrder() {
  return std::is_sorted(std::begin(kFunctionSubclasses), std::end(kFunctionSubclasses),
                        [](const ClassName& a, const ClassName& b) {
                          return std::string_view(a.code) < std::string_view(b.code);
                        });
}

std::vector<std::string> AllFunctionClassNames() {
  std::vector<std::string> names;
  for (const ClassName& entry : kFunctionClasses) names.emplace_back(entry.name);
  return names;
}

}  // namespace disclose
