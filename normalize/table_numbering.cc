#include "normalize/table_numbering.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/table_number.h"
#include "core/text.h"
#include "normalize/table_kind.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// The number at the start of `cps` and where the rest begins; -1 for none.
int LeadingNumber(const std::vector<char32_t>& cps, std::size_t& rest) {
  const std::optional<TableNumberPrefix> prefix =
      ParseTableNumberPrefix(std::u32string_view(cps.data(), cps.size()));
  if (!prefix) return -1;
  rest = prefix->end;
  return prefix->value;
}

// Where the title starts after a number misread past parsing, which still ends at its 、
// (凡耳II、, 地、, or the 、 alone); 0 when the line shows no such ordinal.
std::size_t MisreadOrdinalEnd(const std::vector<char32_t>& cps) {
  constexpr long kMaxOrdinalCodePoints = 4;
  const auto mark = std::find(cps.begin(), cps.end(), U'、');
  if (mark == cps.end() || mark - cps.begin() > kMaxOrdinalCodePoints) return 0;
  return static_cast<std::size_t>(mark - cps.begin()) + 1;
}

// A table of contents line without its dot leaders and page number
// (收支总表……………3).
std::string WithoutLeaders(std::string title) {
  const std::vector<char32_t> cps = DecodeUtf8(title);
  std::size_t end = cps.size();
  while (end > 0 && cps[end - 1] >= U'0' && cps[end - 1] <= U'9') --end;
  while (end > 0 && (cps[end - 1] == U'.' || cps[end - 1] == U'…' || cps[end - 1] == U'·' ||
                     cps[end - 1] == U'-' || cps[end - 1] == U'—')) {
    --end;
  }
  if (end == cps.size()) return title;
  return EncodeUtf8(std::vector<char32_t>(cps.begin(), cps.begin() + static_cast<long>(end)));
}

}  // namespace

// See table_numbering.h (s3w_0049_final's list: 一般公共预算财政拨款支出决算天).
std::optional<std::string> WithMisreadTableRestored(const std::string& title) {
  std::vector<char32_t> cps = DecodeUtf8(title);
  if (cps.size() < 6 || cps.back() == U'表') return std::nullopt;
  auto names_a_table = [](const std::string& candidate) {
    return IsTableTitleLine(candidate) &&
           (ClassifyTableTitle(candidate, DocKind::kFinalAccounts) != "other" ||
            ClassifyTableTitle(candidate, DocKind::kBudget) != "other");
  };
  // A title ending in 决算 / 预算 lost its 表; any other last character is the 表 misread.
  if (cps.back() == U'算') {
    cps.push_back(U'表');
  } else {
    cps.back() = U'表';
  }
  const std::string restored = EncodeUtf8(cps);
  if (names_a_table(restored)) return restored;
  return std::nullopt;
}

std::optional<int> PrintedTableNumber(std::string_view line) {
  const std::string key = TableKey(line);
  const std::vector<char32_t> cps = DecodeUtf8(key);
  std::size_t rest = 0;
  const int value = LeadingNumber(cps, rest);
  if (value > 0) return value;
  // …表（公开01表） / 收入总表(预算表2): the number in a bracket after the title.
  for (std::size_t open = 0; open < cps.size(); ++open) {
    if (cps[open] != U'(') continue;
    std::size_t close = open + 1;
    while (close < cps.size() && cps[close] != U')') ++close;
    if (close >= cps.size()) break;
    const std::vector<char32_t> inside(cps.begin() + static_cast<long>(open + 1),
                                       cps.begin() + static_cast<long>(close));
    std::vector<char32_t> cut = inside;
    // 预算表2: 预算 and 表 both before the number.
    const std::u32string_view view(inside.data(), inside.size());
    if (view.size() > 3 && view.substr(0, 3) == U"预算表") cut.erase(cut.begin(), cut.begin() + 2);
    if (view.size() > 3 && view.substr(0, 3) == U"决算表") cut.erase(cut.begin(), cut.begin() + 2);
    std::size_t end = 0;
    const int inner = LeadingNumber(cut, end);
    if (inner > 0 && end == cut.size() && Has(EncodeUtf8(inside), "表")) return inner;
  }
  return std::nullopt;
}

TableNumbering ReadTableNumbering(const Document& document) {
  TableNumbering best;
  TableNumbering run;
  // Of an OCR'd run, the entries whose number was read as their place, and those whose number
  // was misread but still ends at its 、 (凡耳II、, 地、, or the 、 alone: an ordinal's shape).
  int read_right = 0;
  int shaped = 0;
  bool ocr_run = false;
  auto end_run = [&] {
    // On a scan a run stands with two numbers read right: a lone ordinal is
    // what OCR reads worst (一、 as 、, 三、 as 加, 六、 as 7N), the titles it reads. Or with
    // one read right when every other entry shows a misread ordinal before its title: the
    // lines are a numbered list in order (H25 s3w_0390_final: 一、 read, 二 to 六 not).
    const bool every_other_shaped =
        read_right >= 1 && read_right + shaped == static_cast<int>(run.titles.size());
    const bool stands = !ocr_run || read_right >= 2 || every_other_shaped;
    if (stands && run.titles.size() > best.titles.size()) best = run;
    run = TableNumbering{};
    read_right = 0;
    shaped = 0;
    ocr_run = false;
  };
  for (const Block& block : document.blocks) {
    if (block.AsTable() != nullptr) break;  // the list comes before the tables
    const Paragraph* paragraph = block.AsParagraph();
    if (paragraph == nullptr) continue;
    const bool ocr = paragraph->provenance.origin == TextOrigin::kOcr;
    for (const std::string& line : SplitLines(paragraph->text)) {
      const std::string key = TableKey(line);
      const std::vector<char32_t> cps = DecodeUtf8(key);
      std::size_t rest = 0;
      const int number = LeadingNumber(cps, rest);
      const std::string title = WithoutLeaders(
          EncodeUtf8(std::vector<char32_t>(cps.begin() + static_cast<long>(rest), cps.end())));
      const bool entry = number > 0 && IsTableTitleLine(title);
      const int place = static_cast<int>(run.titles.size()) + 1;
      if (entry && number == place) {
        run.titles[number] = title;
        if (ocr) ++read_right;
        ocr_run = ocr_run || ocr;
        continue;
      }
      // An OCR'd entry at its place whose 表 was misread: its title with 表 restored.
      if (ocr && number > 0 && number == place && !entry) {
        if (const std::optional<std::string> restored = WithMisreadTableRestored(title)) {
          run.titles[number] = *restored;
          ++read_right;
          ocr_run = true;
          continue;
        }
      }
      // An OCR'd title line whose number was misread or lost takes its place.
      const std::string whole = WithoutLeaders(key);
      if (ocr && (entry || (number <= 0 && IsTableTitleLine(whole)))) {
        const std::size_t ordinal_end = number <= 0 ? MisreadOrdinalEnd(cps) : 0;
        run.titles[place] = entry ? title
                                  : WithoutLeaders(EncodeUtf8(std::vector<char32_t>(
                                        cps.begin() + static_cast<long>(ordinal_end), cps.end())));
        if (ordinal_end > 0) ++shaped;
        ocr_run = true;
        continue;
      }
      end_run();
      if (entry && number == 1) {
        run.titles[1] = title;
        read_right = ocr ? 1 : 0;
        ocr_run = ocr;
      }
    }
  }
  end_run();
  if (best.titles.size() < 3) return TableNumbering{};
  best.printed = true;
  return best;
}

std::vector<std::string> ReadListedTitles(const Document& document) {
  constexpr std::size_t kMinTitles = 3;
  std::vector<std::string> best;
  std::vector<std::string> run;
  auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  for (const Block& block : document.blocks) {
    if (block.AsTable() != nullptr) break;  // the list comes before the tables
    const Paragraph* paragraph = block.AsParagraph();
    if (paragraph == nullptr) continue;
    for (const std::string& line : SplitLines(paragraph->text)) {
      const std::vector<char32_t> cps = DecodeUtf8(TableKey(line));
      std::size_t rest = 0;
      LeadingNumber(cps, rest);
      if (rest == 0) rest = MisreadOrdinalEnd(cps);
      const std::string title = WithoutLeaders(
          EncodeUtf8(std::vector<char32_t>(cps.begin() + static_cast<long>(rest), cps.end())));
      if (IsTableTitleLine(title)) {
        run.push_back(title);
      } else {
        end_run();
      }
    }
  }
  end_run();
  if (best.size() < kMinTitles) best.clear();
  return best;
}

TableNumbering DefaultTableNumbering(DocKind kind) {
  TableNumbering numbering;
  if (kind == DocKind::kFinalAccounts) {
    // 财政部 部门决算公开 template: 公开01表 … 公开09表.
    numbering.titles = {{1, "收入支出决算总表"},
                        {2, "收入决算表"},
                        {3, "支出决算表"},
                        {4, "财政拨款收入支出决算总表"},
                        {5, "一般公共预算财政拨款支出决算表"},
                        {6, "一般公共预算财政拨款基本支出决算表"},
                        {7, "一般公共预算财政拨款“三公”经费支出决算表"},
                        {8, "政府性基金预算财政拨款收入支出决算表"},
                        {9, "国有资本经营预算财政拨款支出决算表"}};
  } else if (kind == DocKind::kBudget) {
    // 财政部 部门预算公开 template: 01 … 08.
    numbering.titles = {{1, "收支总表"},
                        {2, "收入总表"},
                        {3, "支出总表"},
                        {4, "财政拨款收支总表"},
                        {5, "一般公共预算支出表"},
                        {6, "一般公共预算基本支出表"},
                        {7, "一般公共预算“三公”经费支出表"},
                        {8, "政府性基金预算支出表"}};
  }
  return numbering;
}

}  // namespace disclose
