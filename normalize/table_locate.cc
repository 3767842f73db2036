// Stage 1 of the table pipeline (table_stages.h): each top-level table block
// with the title and unit lines printed around it.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/table_kind.h"
#include "normalize/table_numbering.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// A scanned title whose last character, 表, was misread (一般公共预算支出情况圾): one word after
// its year (a header line's words stand apart: 科目编码 科目名称 合计 … 项目支出 is no title of a
// 项目支出表), no header word in it, and a standard table's title with 表 in that place.
bool IsTitleWithItsTableMisread(const std::string& line) {
  std::string rest = Trim(line);
  std::size_t digits = 0;
  while (digits < rest.size() && IsAsciiDigit(rest[digits])) ++digits;
  if (digits == 4) {
    rest = Trim(rest.substr(digits));
    if (StartsWith(rest, "年度")) {
      rest = Trim(rest.substr(std::string_view("年度").size()));
    } else if (StartsWith(rest, "年")) {
      rest = Trim(rest.substr(std::string_view("年").size()));
    }
  }
  if (rest.empty() || rest.find_first_of(" \t") != std::string::npos) return false;
  for (std::string_view word : {"合计", "小计", "栏次", "科目编码", "科目名称", "单位"}) {
    if (rest.find(word) != std::string::npos) return false;
  }
  // The character before the misread one ends a title's word (情况表, 总表, 预算表, 明细表, 支出表,
  // 收入表, 经费表): a summary's row label 二、政府性基金预算拨款 is no title whose 表 was read 款.
  const std::optional<std::string> restored = WithMisreadTableRestored(line);
  if (!restored) return false;
  const std::vector<char32_t> cps = DecodeUtf8(*restored);
  return cps.size() >= 2 && std::u32string_view(U"况总算细出入费").find(cps[cps.size() - 2]) !=
                                std::u32string_view::npos;
}

// The line printed right above a title line, when it is the title's first
// half: `一般公共预算财政拨款基本` / `支出决算表`, `…支出预算` / `表`.
bool JoinsTitle(std::string_view before) {
  return IsTitleFragmentLine(before);
}

// A lower line of a header read as a paragraph of its own: the code pieces' 类 款 项 (read 类 豆
// 项, 示人 将) or the 栏次 line numbering the columns, words of two characters at most after an
// optional 栏次 / 行次; no figure column is named there.
bool IsLowerHeaderLine(std::string_view text) {
  std::string folded = CollapseWhitespace(text);
  for (std::string_view word : {"栏次", "行次"}) {
    if (StartsWith(folded, word)) folded = Trim(folded.substr(word.size()));
  }
  if (folded.empty()) return true;
  std::size_t start = 0;
  while (start <= folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (DecodeUtf8(std::string_view(folded).substr(start, end - start)).size() > 2) return false;
    start = end + 1;
  }
  return true;
}

// The 栏次 line numbering a header's columns (栏次 1 2 3), read as a paragraph of its own by any
// reader: a PDF's text layer prints it apart from the grid when the header stands at a page
// foot and is repeated over the rest (s21w_0081_budget: 栏次 1 2 3 | 合计 19.01 … | 栏次 1 2 3
// between the header and the grid on the next page, which left the header out of reach).
bool IsColumnNumbersLine(std::string_view text) {
  constexpr std::size_t kLongestColumnNumber = 2;  // digits
  const std::vector<std::string> words = SplitWords(text);
  if (words.size() < 2 || TableKey(words[0]) != "栏次") return false;
  return std::all_of(words.begin() + 1, words.end(), [](const std::string& word) {
    return word.size() <= kLongestColumnNumber && AllDigits(word);
  });
}

// A line of a table OCR read as a paragraph above its grid: a lower header line (类 款 项,
// 栏次 1 2 3) or a row with an amount (合计 34,533.62 26,062.7 8,470.8).
bool IsOcrTableLine(const Paragraph& paragraph) {
  if (paragraph.provenance.origin != TextOrigin::kOcr) return false;
  // A unit line (万元 alone, 元) is no table line: it is looked for on the way up.
  if (UnitInLines(paragraph.text)) return false;
  if (IsLowerHeaderLine(paragraph.text)) return true;
  const std::string folded = CollapseWhitespace(paragraph.text);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (IsPrintedMoney(std::string_view(folded).substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

// What a line prints after its last full stop (。), or "" when nothing.
std::string AfterLastSentence(std::string_view line) {
  const std::size_t stop = line.rfind("。");
  if (stop == std::string_view::npos) return "";
  return std::string(Trim(line.substr(stop + std::string_view("。").size())));
}

// The title in the paragraphs before block `b` (back to `previous_table_block`),
// and the nearest unit line on the way.
void TitleAndUnitAbove(const Document& document, int b, int previous_table_block,
                       const LocateOptions& options, LocatedTable& located) {
  std::string& title = located.title;
  bool joining = false;  // the title opens the paragraph below: this one may hold its first half
  // On a scan the header's lower lines and the first rows of an unruled table may be read as
  // paragraphs between its title and its grid (s3w_0058_budget: 计 出, 款, 栏次 1 2 3, 合计 …
  // over the grid on the next page): up to this many such lines do not count in the window.
  constexpr int kOcrTableLines = 6;
  int table_lines = 0;
  for (int p = b - 1;
       p >= 0 && p > previous_table_block && b - p - table_lines <= options.title_window_blocks;
       --p) {
    const Paragraph* paragraph = document.blocks[static_cast<std::size_t>(p)].AsParagraph();
    if (paragraph == nullptr) break;
    if (title.empty() && !joining && table_lines < kOcrTableLines && IsOcrTableLine(*paragraph)) {
      ++table_lines;
      continue;
    }
    const std::vector<std::string> lines = SplitLines(paragraph->text);
    if (joining) {
      if (!lines.empty() && JoinsTitle(lines.back())) {
        title = CollapseWhitespace(lines.back()) + title;
      }
      break;
    }
    bool title_opens_paragraph = false;
    bool heading = false;
    for (std::size_t i = lines.size(); i-- > 0;) {
      if (title.empty() && IsSectionHeadingLine(lines[i])) {
        heading = true;
        break;
      }
      if (title.empty()) {
        if (IsTableTitleLine(lines[i]) ||
            // A scan's title whose 表 was misread (一般公共预算支出情况圾): identify reads it
            // with 表 restored.
            (paragraph->provenance.origin == TextOrigin::kOcr &&
             IsTitleWithItsTableMisread(lines[i]))) {
          title = CollapseWhitespace(lines[i]);
          title_opens_paragraph = i == 0;
        } else if (std::string rest = AfterLastSentence(lines[i]);
                   !rest.empty() && IsTableTitleLine(rest)) {
          // The note under one table and the next one's title read as one
          // line ("注：本表金额单位转换时可能存在尾数误差。…支出决算表单位:元").
          title = CollapseWhitespace(rest);
          break;
        }
        continue;
      }
      // The line above the title in the same paragraph (a PDF's lines).
      if (JoinsTitle(lines[i])) title = CollapseWhitespace(lines[i]) + title;
      break;
    }
    if (heading) break;
    if (!located.unit_before) {
      if (std::optional<UnitDeclaration> unit = UnitInLines(paragraph->text)) {
        // "单位：万" at the end of a line with its 元 wrapped onto a line of
        // its own: the bare 元, nearer the table, is the rest of 万元, not a
        // unit of its own (s1_0282_final read a 三公 table in 万元 as 元, its
        // figures 10,000 times too small and no finding).
        if (unit->unit == UnitOfAmount::kYuan && RemoveAllWhitespace(unit->printed) == "元" &&
            p - 1 > previous_table_block) {
          if (const Paragraph* above =
                  document.blocks[static_cast<std::size_t>(p - 1)].AsParagraph()) {
            const std::vector<std::string> above_lines = SplitLines(above->text);
            if (!above_lines.empty() &&
                ParseUnitDeclaration(above_lines.back()) == UnitOfAmount::kWanYuan &&
                EndsWith(RemoveAllWhitespace(above_lines.back()), "万")) {
              unit = UnitDeclaration{CollapseWhitespace(above_lines.back()) + "元",
                                     UnitOfAmount::kWanYuan};
            }
          }
        }
        located.unit_before = unit;
      }
    }
    if (!title.empty()) {
      if (!title_opens_paragraph) break;
      joining = true;
    }
  }
}

}  // namespace

namespace {

// Whether `text` declares the unit as a label of its own (单位：万元, 金额单位:元), not inside a
// header name (金额（单位：万元）).
bool IsUnitLabel(std::string_view text) {
  const std::string key = RemoveAllWhitespace(FoldForMatching(text));
  return (StartsWith(key, "单位") || StartsWith(key, "金额单位")) &&
         ParseUnitDeclaration(text) != UnitOfAmount::kUnknown;
}

// Whether `text` is a speck or a scrap of another text of its row read twice (the unit's 元
// read again beside 单位: 万元 as "[元"): at most two letters, each printed in another text.
bool IsScrapOfTheRow(std::string_view text, const std::vector<std::string_view>& row) {
  std::vector<char32_t> letters;
  for (char32_t cp : DecodeUtf8(text)) {
    if (IsCjkIdeograph(cp) || (cp < 0x80 && std::isalnum(static_cast<int>(cp)) != 0)) {
      letters.push_back(cp);
    }
  }
  if (letters.size() > 2) return false;
  return std::all_of(letters.begin(), letters.end(), [&](char32_t letter) {
    return std::any_of(row.begin(), row.end(), [&](std::string_view other) {
      return other != text && Contains(other, EncodeUtf8(letter));
    });
  });
}

// The leading caption rows, all of the grid's rows included.
int LeadingCaptionRows(const Table& table) {
  // Each leading row's one text (a merged row) or texts (编制单位 | 单位：元),
  // all caption lines; a fragment row counts when a title row follows it.
  int rows = 0;
  bool pending_fragment = false;
  for (int r = 0; r < table.row_count; ++r) {
    std::vector<std::string_view> texts;
    for (int c = 0; c < table.column_count; ++c) {
      const std::string_view text = table.TextAt(r, c);
      if (!Trim(text).empty()) texts.push_back(text);
    }
    if (texts.empty()) break;
    bool caption = true;
    bool fragment = false;
    // Beside a unit label, a title the scan misread past every title test (二、财政拨款收支心
    // for …收支总表, s3w_0311) and specks: the caption a scan read into the grid's first row.
    const bool unit_label = std::any_of(texts.begin(), texts.end(), IsUnitLabel);
    for (std::string_view text : texts) {
      if (IsCaptionLine(text)) continue;
      if (texts.size() == 1 && IsTitleFragmentLine(text)) {
        fragment = true;
        continue;
      }
      if (unit_label && (IsTitleFragmentLine(text) || IsScrapOfTheRow(text, texts))) continue;
      caption = false;
    }
    if (!caption) break;
    if (fragment) {
      pending_fragment = true;
      continue;
    }
    if (pending_fragment && !IsTableTitleLine(texts.front())) break;
    pending_fragment = false;
    rows = r + 1;
  }
  return rows;
}

}  // namespace

int CaptionRows(const Table& table) {
  const int rows = LeadingCaptionRows(table);
  // Nothing but caption rows: a one-column list of titles, not a framed table.
  return rows == table.row_count ? 0 : rows;
}

bool OnlyCaptionRows(const Table& table) {
  if (table.column_count < 2 || table.row_count == 0) return false;
  if (LeadingCaptionRows(table) != table.row_count) return false;
  for (const TableCell& cell : table.cells) {
    if (!Trim(cell.text).empty() && cell.column_span < table.column_count) return false;
  }
  return true;
}

namespace {

// A title drawn inside the frame, in the table's first rows (sh_putuo_wanli_2023
// p31: 财政项目支出绩效目标填报表 in the first row), with the first half of a
// wrapped title in the row above it.
std::string TitleInFrame(const Table& table) {
  const int caption_rows = CaptionRows(table);
  // A form's title row above a header: one text alone in a row of the first two.
  const int rows = std::max(caption_rows, std::min(table.row_count, 2));
  for (int r = 0; r < rows; ++r) {
    std::vector<std::string_view> texts;
    for (int c = 0; c < table.column_count; ++c) {
      const std::string_view text = table.TextAt(r, c);
      if (!Trim(text).empty()) texts.push_back(text);
    }
    if (texts.size() == 1 && IsTableTitleLine(texts.front())) {
      std::string title = CollapseWhitespace(texts.front());
      if (r > 0 && r <= caption_rows) {
        for (int c = 0; c < table.column_count; ++c) {
          const std::string_view above = table.TextAt(r - 1, c);
          if (!Trim(above).empty() && IsTitleFragmentLine(above)) {
            title = CollapseWhitespace(above) + title;
            break;
          }
        }
      }
      return title;
    }
  }
  return "";
}

// Unit: before the table, in its first rows, or right after it.
std::optional<UnitDeclaration> TableUnit(const Document& document, int b,
                                         const LocateOptions& options,
                                         const LocatedTable& located) {
  const Table& table = *located.table;
  std::optional<UnitDeclaration> unit = located.unit_before;
  const int scanned = CaptionRows(table) + options.unit_rows_scanned;
  for (int r = 0; !unit && r < std::min(table.row_count, scanned); ++r) {
    for (int c = 0; !unit && c < table.column_count; ++c) {
      const std::string_view text = table.TextAt(r, c);
      if (!text.empty()) unit = UnitInLines(text);
    }
  }
  if (!unit && b + 1 < static_cast<int>(document.blocks.size())) {
    if (const Paragraph* after = document.blocks[static_cast<std::size_t>(b + 1)].AsParagraph()) {
      unit = UnitInLines(after->text);
    }
  }
  return unit;
}

// The table number printed on it: in its title (公开01表 收支总表, 一、收支总表,
// 收支总表（公开01表）), on a line of its own above it, or in its caption rows.
void ReadNumber(const Document& document, int b, int previous_table_block,
                const LocateOptions& options, LocatedTable& located) {
  auto take = [&located](std::string_view line) {
    if (located.number) return;
    if (std::optional<int> number = PrintedTableNumber(line)) {
      located.number = number;
      located.number_text = CollapseWhitespace(line);
    }
  };
  if (!located.title.empty()) take(located.title);
  const Table& table = *located.table;
  const int caption_rows = CaptionRows(table);
  for (int r = 0; r < caption_rows && !located.number; ++r) {
    for (int c = 0; c < table.column_count; ++c) {
      const std::string_view text = table.TextAt(r, c);
      if (!text.empty() && IsCaptionLine(text)) take(text);
    }
  }
  for (int p = b - 1; p >= 0 && p > previous_table_block && b - p <= options.title_window_blocks &&
                      !located.number;
       --p) {
    const Paragraph* paragraph = document.blocks[static_cast<std::size_t>(p)].AsParagraph();
    if (paragraph == nullptr) break;
    // A part heading (第二部分 部门决算表) ends the search: a number above it
    // is an entry of the list of tables printed before the part, not this
    // table's (a scan that lost the table's own 一、 line took the list's 五、).
    const std::vector<std::string> lines = SplitLines(paragraph->text);
    std::size_t first = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (IsSectionHeadingLine(lines[i])) first = i + 1;
    }
    for (std::size_t i = first; i < lines.size(); ++i) {
      // A number line, or a title line carrying one; not a sentence opening 1、.
      if (IsCaptionLine(lines[i])) take(lines[i]);
    }
    if (first > 0) break;
  }
}

// On a scan a wrapped header word's first line can be read glued to the word beside it
// (一般公共预 + 其他收入 read 一般公共预其他收入, its rest 算拨款 on the 类 款 项 line below). The
// glued word keys its right part's column only; cut where the left part keys nothing alone, keys
// a column of its own with `rest`, and the right part keys what the whole did, it is two words.
// Done only when exactly one word and one cut fit.
void CompleteAGluedWord(const std::string& rest, std::vector<std::string>& words) {
  if (rest.empty()) return;
  std::optional<std::pair<std::size_t, std::size_t>> found;  // word, cut (code points)
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string whole = ColumnKeyForHeader({words[w]});
    if (whole.empty() || whole == "-") continue;
    for (const std::size_t cut : GluedWordCuts(words[w], rest, whole)) {
      if (found) return;
      found = std::make_pair(w, cut);
    }
  }
  if (!found) return;
  const std::vector<char32_t> chars = DecodeUtf8(words[found->first]);
  const auto at = chars.begin() + static_cast<std::ptrdiff_t>(found->second);
  const std::string left = EncodeUtf8(std::vector<char32_t>(chars.begin(), at)) + rest;
  words[found->first] = EncodeUtf8(std::vector<char32_t>(at, chars.end()));
  words.insert(words.begin() + static_cast<std::ptrdiff_t>(found->first), left);
}

// The words of an OCR'd lower header line (类 款 项 算拨款) that are neither code words nor
// column names: rests of the wrapped header words of the line above.
std::vector<std::string> RestsOnALowerLine(const std::vector<std::string>& words) {
  std::vector<std::string> rests;
  bool code_words = false;
  for (const std::string& word : words) {
    const std::string key = TableKey(word);
    if (!CodeColumnRole(key).empty()) {
      code_words = true;
    } else if (!key.empty() && ColumnKeyForHeader({word}).empty()) {
      rests.push_back(key);
    }
  }
  if (!code_words) return {};
  return rests;
}

// A header printed as a paragraph in the few blocks above the grid (after the table before):
// words without digits, at least two of which name a figure column, or one beside label words
// only (项目 决算数: a one-column table's header, as narrow as any of its rows). A row read as a
// paragraph may sit between it and the grid, and so may the rest of a header word the page
// break cut (本年支出合 at the foot, 计 alone on the next page): it completes the one word of
// the header that keys a column only with it. On a scan the header's lower lines read apart
// (类 款 项, 栏次 1 2 3) may sit there too, and do not count among the few blocks.
std::vector<std::string> HeaderAbove(const Document& document, int block, int previous_table,
                                     std::optional<Box>& box) {
  constexpr int kBlocksAbove = 3;
  constexpr int kLowerLinesAbove = 4;
  constexpr std::size_t kLongestWordRest = 2;  // code points
  // The header line's box, when it was printed on the grid's page or on the page before one as
  // wide (a header pushed apart from its body by a page break stands over the same columns; a
  // box on any other page says nothing of the grid's columns).
  const Provenance& grid = document.blocks[static_cast<std::size_t>(block)].AsTable()->provenance;
  auto page_width = [&document](int number) {
    for (const Page& page : document.pages) {
      if (page.number == number) return page.width;
    }
    return 0.0;
  };
  auto BoxOnTablePage = [&](const Paragraph& paragraph) -> std::optional<Box> {
    constexpr double kSameWidth = 1.0;  // points
    if (!grid.box) return std::nullopt;
    const int page = paragraph.provenance.page;
    const bool page_before = page == grid.page - 1 && page_width(page) > 0 &&
                             std::abs(page_width(page) - page_width(grid.page)) < kSameWidth;
    if (page != grid.page && !page_before) return std::nullopt;
    return paragraph.provenance.box;
  };
  std::string rest;
  std::vector<std::string> lower_rests;
  int lower_lines = 0;
  for (int p = block - 1; p >= 0 && p > previous_table && p >= block - kBlocksAbove - lower_lines;
       --p) {
    const Paragraph* paragraph = document.blocks[static_cast<std::size_t>(p)].AsParagraph();
    if (paragraph == nullptr) return {};
    const std::string& text = paragraph->text;
    if (lower_lines < kLowerLinesAbove &&
        ((paragraph->provenance.origin == TextOrigin::kOcr && IsLowerHeaderLine(text)) ||
         IsColumnNumbersLine(text))) {
      ++lower_lines;
      continue;
    }
    const bool digits = HasAsciiDigit(text);
    if (digits && paragraph->provenance.origin != TextOrigin::kOcr) continue;
    std::vector<std::string> words = SplitWords(text);
    if (digits) {
      // A header printed again over a continued table's first row and read with it as one
      // line (本年收入合计 4119,853.64 财政拨款收入 4119,853.64 其他收入, H25 s3w_0391_final):
      // the grid below had no header, and its columns were left unkeyed. The line's words
      // without digits are the header when they name three figure columns, which no row
      // label does (a total row names 合计 twice at most).
      words.erase(std::remove_if(words.begin(), words.end(),
                                 [](const std::string& word) { return HasAsciiDigit(word); }),
                  words.end());
      // So is the 栏次 row read onto the header's line (其他收入栏次 2, H47 s3w_0751_budget):
      // 栏次 heads the column numbers, never a column's name.
      for (std::string& word : words) {
        if (EndsWith(word, "栏次")) word.resize(word.size() - std::string_view("栏次").size());
      }
      words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
      std::set<std::string> keys;
      for (const std::string& word : words) {
        const std::string key = ColumnKeyForHeader({word});
        if (!key.empty() && key != "-") keys.insert(key);
      }
      if (keys.size() < 3) continue;
    }
    // A table's title is no header, whatever fund and figure words it prints (一般公共预算财政拨款
    // “三公 ”经费支出决算表, its words read apart by a scan: general_budget and final); the
    // header, when printed apart, stands below it. A title line prints 表; a header line whose
    // words name a kind (科目名称 计 一般公共预算拨款 其他收入) does not, and stays a header.
    if (IsTableTitleLine(text) && ClassifyTableTitle(text, DocKind::kUnknown) != "other") return {};
    const std::string trimmed = RemoveAllWhitespace(text);
    if (p == block - 1 && !trimmed.empty() && DecodeUtf8(trimmed).size() <= kLongestWordRest) {
      rest = trimmed;
      continue;
    }
    int figure_words = 0;
    if (paragraph->provenance.origin == TextOrigin::kOcr) {
      for (std::string& lower_rest : RestsOnALowerLine(words)) {
        lower_rests.push_back(std::move(lower_rest));
      }
    }
    int label_words = 0;
    for (const std::string& word : words) {
      const std::string key = ColumnKeyForHeader({word});
      if (!key.empty() && key != "-") {
        ++figure_words;
      } else if (LeafKey(TableKey(word)) == "-") {
        ++label_words;
      }
    }
    if (figure_words >= 2) {
      CompleteACutWord(rest, words);
      for (const std::string& lower_rest : lower_rests) {
        const std::vector<std::string> printed = words;
        CompleteACutWord(lower_rest, words);
        if (words == printed) CompleteAGluedWord(lower_rest, words);
      }
      box = BoxOnTablePage(*paragraph);
      return words;
    }
    if (figure_words == 1 && label_words >= 1 &&
        figure_words + label_words == static_cast<int>(words.size())) {
      box = BoxOnTablePage(*paragraph);
      return words;
    }
  }
  return {};
}

}  // namespace

std::optional<UnitDeclaration> UnitInLines(std::string_view text) {
  for (const std::string& line : SplitLines(text)) {
    UnitOfAmount unit = ParseUnitDeclaration(line);
    if (unit != UnitOfAmount::kUnknown) return UnitDeclaration{CollapseWhitespace(line), unit};
  }
  return std::nullopt;
}

std::vector<LocatedTable> LocateTables(const Document& document, const LocateOptions& options,
                                       std::vector<Finding>& findings) {
  std::vector<LocatedTable> located;
  int previous_table_block = -1;
  for (int b = 0; b < static_cast<int>(document.blocks.size()); ++b) {
    const Table* table = document.blocks[static_cast<std::size_t>(b)].AsTable();
    if (table == nullptr || table->parent.has_value()) continue;
    if (table->column_count > options.max_columns ||
        static_cast<std::int64_t>(table->row_count) * table->column_count > options.max_positions) {
      // No disclosure table is this large (the largest real ones have 21
      // columns and a few hundred rows); reading a ragged grid of this size
      // would take minutes (fuzz: a 22,149-column row of tabs).
      AddTableFinding(findings, "table.too_large", Severity::kWarning,
                      "a table of " + std::to_string(table->row_count) + " rows and " +
                          std::to_string(table->column_count) +
                          " columns is not read: the limit is " +
                          std::to_string(options.max_columns) + " columns and " +
                          std::to_string(options.max_positions) + " cells",
                      table->provenance);
      continue;
    }
    LocatedTable entry;
    entry.block = b;
    entry.table = table;
    TitleAndUnitAbove(document, b, previous_table_block, options, entry);
    const int above_from = previous_table_block;
    previous_table_block = b;
    // A title in the frame is the table's own; a title above it that names
    // no kind (a part heading, 部门决算表) gives way to it.
    const std::string in_frame = TitleInFrame(*table);
    if (!in_frame.empty() &&
        (entry.title.empty() || (ClassifyTableTitle(entry.title, DocKind::kUnknown) == "other" &&
                                 ClassifyTableTitle(in_frame, DocKind::kUnknown) != "other"))) {
      entry.title = in_frame;
    }
    entry.unit = TableUnit(document, b, options, entry);
    entry.header_above = HeaderAbove(document, b, above_from, entry.header_above_box);
    ReadNumber(document, b, above_from, options, entry);
    if (b + 1 < static_cast<int>(document.blocks.size())) {
      if (const Paragraph* after = document.blocks[static_cast<std::size_t>(b + 1)].AsParagraph()) {
        entry.note_after = after->text;
      }
    }
    located.push_back(std::move(entry));
  }
  return located;
}

}  // namespace disclose
