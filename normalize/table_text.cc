#include "normalize/table_text.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/tables.h"

namespace disclose {

// The same cell is matched many times over (header analysis, row scans,
// stitching), so folded keys are memoised per thread; the memo is a pure
// cache, bounded, and cannot change a result.
std::string TableKey(std::string_view text) {
  constexpr std::size_t kMemoLimit = 1 << 14;
  thread_local std::unordered_map<std::string, std::string> memo;
  auto found = memo.find(std::string(text));
  if (found != memo.end()) return found->second;
  if (memo.size() >= kMemoLimit) memo.clear();
  return memo.emplace(std::string(text), RemoveAllWhitespace(FoldForMatching(text))).first->second;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsClassCode(std::string_view key) {
  return AllDigits(key) && (key.size() == 3 || key.size() == 5 || key.size() == 7) && key[0] != '0';
}

std::string_view CodeColumnRole(std::string_view key) {
  if (key == "类") return "class";
  if (key == "款") return "kuan";
  if (key == "项") return "xiang";
  return "";
}

namespace {

// The one-digit pieces a line starts with, each set apart by a space (the last may run into the
// name: "0 0行政"); `end` (from 0) moves to where the text after them starts. None where the
// pieces run into more digits (208 0 05: no one-digit piece).
std::vector<char> LeadingOneDigitPieces(std::string_view line, std::size_t& end) {
  const auto digit_at = [&](std::size_t at) {
    return at < line.size() && IsAsciiDigit(static_cast<unsigned char>(line[at]));
  };
  std::vector<char> pieces;
  while (digit_at(end) && !digit_at(end + 1)) {
    pieces.push_back(line[end]);
    ++end;
    if (end == line.size() || line[end] != ' ') break;
    ++end;
  }
  if (digit_at(end)) return {};
  return pieces;
}

// A split code whose 款 and 项 columns are one digit wide: "208 0 0行政" over "5 1单位离退", each
// piece wrapped to the line under it. The class code, then the pieces joined one for one with
// the next line's leading one-digit pieces ("208 05 01 行政单位离退"), when both lines hold the
// same number of them; nothing otherwise.
std::optional<std::string> WithWrappedPiecesJoined(const std::vector<std::string>& lines) {
  const std::string_view first = lines[0];
  const std::size_t class_end = LeadingAsciiDigits(first);
  const std::string_view class_code = first.substr(0, class_end);
  if (!(class_code.size() == 3 || class_code.size() == 5) || !IsClassCode(class_code) ||
      class_end >= first.size() || first[class_end] != ' ') {
    return std::nullopt;
  }
  const std::string_view after_class = first.substr(class_end + 1);
  const std::string_view second = lines[1];
  std::size_t head_end = 0;
  std::size_t rest_end = 0;
  const std::vector<char> heads = LeadingOneDigitPieces(after_class, head_end);
  const std::vector<char> rests = LeadingOneDigitPieces(second, rest_end);
  if (heads.empty() || heads.size() != rests.size() || class_code.size() + 2 * heads.size() > 7) {
    return std::nullopt;
  }
  std::string joined(class_code);
  for (std::size_t k = 0; k < heads.size(); ++k) {
    joined += ' ';
    joined += heads[k];
    joined += rests[k];
  }
  joined += ' ';
  joined += Trim(after_class.substr(head_end));
  joined += Trim(second.substr(rest_end));
  for (std::size_t l = 2; l < lines.size(); ++l) joined += lines[l];
  return joined;
}

}  // namespace

std::string WithWrappedCodeJoined(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return std::string(text);
  const std::vector<std::string> lines = SplitLines(text);
  if (lines.size() < 2) return std::string(text);
  if (std::optional<std::string> joined = WithWrappedPiecesJoined(lines)) return *joined;
  const std::string_view head = std::string_view(lines[0]).substr(0, LeadingAsciiDigits(lines[0]));
  const std::string_view rest = std::string_view(lines[1]).substr(0, LeadingAsciiDigits(lines[1]));
  if (head.empty() || rest.empty() || IsClassCode(head)) return std::string(text);
  const std::string code = std::string(head) + std::string(rest);
  if (!IsClassCode(code)) return std::string(text);
  // Digits followed by a mark or by 年 are an amount or a year in the name, not the code's rest.
  const std::string_view after_rest = std::string_view(lines[1]).substr(rest.size());
  if (!after_rest.empty() &&
      (after_rest[0] == '.' || after_rest[0] == ',' || after_rest.substr(0, 3) == "年")) {
    return std::string(text);
  }
  std::string joined =
      code + " " + Trim(std::string_view(lines[0]).substr(head.size())) + Trim(after_rest);
  for (std::size_t l = 2; l < lines.size(); ++l) joined += lines[l];
  return joined;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  const std::string folded = CollapseWhitespace(text);
  for (std::size_t from = 0; from < folded.size();) {
    const std::size_t space = std::min(folded.find(' ', from), folded.size());
    if (space > from) words.push_back(folded.substr(from, space - from));
    from = space + 1;
  }
  return words;
}

bool IsOrdinalNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

std::string StripOrdinal(const std::string& key) {
  std::vector<char32_t> cps = DecodeUtf8(key);
  std::size_t i = 0;
  for (int round = 0; round < 2; ++round) {
    if (i < cps.size() && cps[i] == U'(') {
      std::size_t j = i + 1;
      while (j < cps.size() && IsOrdinalNumeral(cps[j])) ++j;
      if (j < cps.size() && cps[j] == U')' && j > i + 1) i = j + 1;
    } else if (i < cps.size() && IsOrdinalNumeral(cps[i])) {
      std::size_t j = i;
      while (j < cps.size() && IsOrdinalNumeral(cps[j])) ++j;
      if (j < cps.size() && (cps[j] == U'、' || cps[j] == U'.' || cps[j] == U'．')) i = j + 1;
    }
  }
  std::string rest =
      EncodeUtf8(std::vector<char32_t>(cps.begin() + static_cast<long>(i), cps.end()));
  if (StartsWith(rest, "其中:")) rest = rest.substr(std::string_view("其中:").size());
  return rest;
}

bool IsOcrGrid(const Table& table) {
  return std::any_of(table.cells.begin(), table.cells.end(), [](const TableCell& cell) {
    return cell.provenance.origin == TextOrigin::kOcr;
  });
}

void AddTableFinding(std::vector<Finding>& findings, std::string check, Severity severity,
                     std::string message, const Provenance& provenance, std::string printed) {
  Finding finding;
  finding.check = std::move(check);
  finding.severity = severity;
  finding.message = std::move(message);
  finding.provenance = provenance;
  finding.printed_text = std::move(printed);
  findings.push_back(std::move(finding));
}

std::string StripTrailingColon(std::string key) {
  while (!key.empty() && key.back() == ':') key.pop_back();
  return key;
}

bool IsPrintedMoney(std::string_view text) {
  if (text.find_first_of(".,") == std::string_view::npos) return false;
  const AmountText amount = ParseAmountText(text);
  return amount.kind == AmountKind::kNumber && !amount.percent;
}

bool IsEmptyNote(std::string_view text) {
  const std::string key = TableKey(text);
  return Has(key, "本表无数据") || Has(key, "此表无数据") || Has(key, "空表") ||
         Has(key, "本表为空") || Has(key, "无数据");
}

TableKindDoubt DescribeTableKindDoubt(const CanonicalTable& table) {
  constexpr std::size_t kMaxListedFigures = 500;
  constexpr std::size_t kMaxQuotedAmounts = 60;
  TableKindDoubt doubt;
  std::size_t quoted_count = 0;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      if (doubt.figures.size() < kMaxListedFigures) doubt.figures.push_back(ReferenceTo(figure));
      if (quoted_count < kMaxQuotedAmounts && !figure.printed_text.empty()) {
        doubt.quoted += " " + figure.printed_text;
        ++quoted_count;
      }
    }
  }
  if (!table.rows.empty() && !table.rows.front().values.empty()) {
    doubt.provenance = table.rows.front().values.front().provenance;
  }
  doubt.name =
      (table.printed_title.empty() ? "an untitled table" : "table '" + table.printed_title + "'") +
      (table.pages.empty() ? "" : " (page " + std::to_string(table.pages.front()) + ")");
  for (const KindEvidence& evidence : table.evidence) {
    if (evidence.kind != table.kind || Has(doubt.sources, evidence.source)) continue;
    doubt.sources += (doubt.sources.empty() ? " from its " : " and ") + evidence.source;
  }
  return doubt;
}

const Figure* FigureIn(const CanonicalRow& row, std::string_view column) {
  for (const Figure& figure : row.values) {
    if (figure.column == column) return &figure;
  }
  return nullptr;
}

bool PrintsTheSumOf(const CanonicalRow& parent, const std::vector<const CanonicalRow*>& children) {
  if (parent.values.empty()) return false;
  for (const Figure& figure : parent.values) {
    std::int64_t sum = 0;
    for (const CanonicalRow* child : children) {
      if (const Figure* part = FigureIn(*child, figure.column)) sum += part->amount_fen;
    }
    if (sum != figure.amount_fen) return false;
  }
  return true;
}

bool TitledAsItsKind(const CanonicalTable& table) {
  return std::any_of(table.evidence.begin(), table.evidence.end(), [&](const KindEvidence& e) {
    return e.source == "title" && e.kind == table.kind;
  });
}

void CompleteACutWord(const std::string& rest, std::vector<std::string>& words) {
  if (rest.empty()) return;
  std::vector<std::string>::iterator completed = words.end();
  for (auto word = words.begin(); word != words.end(); ++word) {
    if (!ColumnKeyForHeader({*word}).empty()) continue;
    const std::string key = ColumnKeyForHeader({*word + rest});
    if (key.empty() || key == "-") continue;
    if (completed != words.end()) return;
    completed = word;
  }
  if (completed != words.end()) *completed += rest;
}

}  // namespace disclose
