// Part of stage 4 of the table pipeline (table_stages.h): an OCR'd header's words a scan
// misread, keyed by the standard names they still tell (table_columns_ocr.h).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/ocr_labels.h"
#include "normalize/table_columns_ocr.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/tables.h"

namespace disclose {

namespace {

// Keys each column of an OCR'd grid that its header keyed nothing (no code or 行次 column, not
// the first) with `key_of(c, own word)`, when no other column has that key; two columns so keyed
// alike keep their keys, neither being certain.
template <typename KeyOf>
void KeyUnkeyedOcrWords(const TablePart& first, std::vector<std::string>& keys, KeyOf key_of) {
  if (!IsOcrGrid(*first.table)) return;
  const HeaderAnalysis& header = first.header;
  std::vector<std::string> keyed = keys;
  for (std::size_t c = 1; c < keys.size() && c < header.paths.size(); ++c) {
    if (!keys[c].empty() || IsCodeRole(header.roles[c]) || header.roles[c] == "rowno") continue;
    const std::string key = key_of(c, OwnWord(header.paths[c]));
    if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keyed[c] = key;
  }
  for (std::size_t c = 0; c < keyed.size(); ++c) {
    if (keyed[c] != keys[c] && std::count(keyed.begin(), keyed.end(), keyed[c]) > 1) {
      keyed[c] = keys[c];
    }
  }
  keys = keyed;
}

// Figure columns' names as publishers print them whole: a header cell that runs several
// together is cut only where every piece is one of them.
constexpr std::string_view kFigureColumnNames[] = {"合计",
                                                   "小计",
                                                   "总计",
                                                   "本年收入合计",
                                                   "本年支出合计",
                                                   "本年收入",
                                                   "本年支出",
                                                   "财政拨款收入",
                                                   "财政拨款",
                                                   "一般公共预算拨款",
                                                   "一般公共预算财政拨款",
                                                   "一般公共预算",
                                                   "政府性基金预算拨款",
                                                   "政府性基金预算财政拨款",
                                                   "政府性基金预算",
                                                   "国有资本经营预算拨款",
                                                   "国有资本经营预算财政拨款",
                                                   "国有资本经营预算",
                                                   "上级补助收入",
                                                   "事业收入",
                                                   "经营收入",
                                                   "附属单位上缴收入",
                                                   "其他收入",
                                                   "用事业基金弥补收支差额",
                                                   "基本支出",
                                                   "项目支出",
                                                   "人员经费",
                                                   "公用经费",
                                                   "上缴上级支出",
                                                   "经营支出",
                                                   "对附属单位补助支出"};

// The names a header cell's top line joins, with their keys and lengths in the line's
// characters: the head of a wrapped name completed by `rest` (the lines under it, which name
// nothing) and the whole name after it; or, with no rest, standard names run together
// (本年收入合计财政拨款收入其他收入), the fewest that make the line. A line that is one name, or
// is not cut into names: none.
// Keys each OCR'd header word that keys nothing (KeyUnkeyedOcrWords), of `shortest` characters
// or more (four, unless the caller says what it tells shorter words by) and over money in two
// cells at least (in any part), as the standard figure-column names it `reads_as` key it, when
// they all key one column. A shorter word is too near too many names to tell.
template <typename ReadsAs>
void KeyOcrWordsAsStandardNames(const StitchedTable& stitched, std::vector<std::string>& keys,
                                ReadsAs reads_as, std::size_t shortest = 4) {
  KeyUnkeyedOcrWords(
      stitched.parts.front(), keys,
      [&stitched, &reads_as, shortest](std::size_t c, const std::string& own) {
        const std::vector<char32_t> word = DecodeUtf8(TableKey(own));
        if (word.size() < shortest || MoneyCellsInEveryPart(stitched, static_cast<int>(c)) < 2) {
          return std::string();
        }
        std::string agreed;
        for (std::string_view name : kFigureColumnNames) {
          if (!reads_as(word, DecodeUtf8(name))) continue;
          const std::string key = ColumnKeyForHeader({std::string(name)});
          if (key.empty() || key == "-") continue;
          if (!agreed.empty() && key != agreed) return std::string();
          agreed = key;
        }
        return agreed;
      });
}

struct NameInACell {
  std::string key;
  std::size_t chars = 0;
};

// The characters [begin, end) of `chars`, as UTF-8.
std::string Slice(const std::vector<char32_t>& chars, std::size_t begin, std::size_t end) {
  return EncodeUtf8(std::vector<char32_t>(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                          chars.begin() + static_cast<std::ptrdiff_t>(end)));
}

// Whether any standard figure column name prints `c`.
bool InAnyFigureName(char32_t c) {
  return std::any_of(std::begin(kFigureColumnNames), std::end(kFigureColumnNames),
                     [c](std::string_view name) {
                       const std::vector<char32_t> chars = DecodeUtf8(name);
                       return std::find(chars.begin(), chars.end(), c) != chars.end();
                     });
}

// The fewest standard figure column names `chars` is made of, in order, each with its key
// and length; empty when they are not all names, or are one.
std::vector<NameInACell> FewestNames(const std::vector<char32_t>& chars) {
  // fewest[i]: the fewest names that make the first i characters, and where the last begins.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::pair<std::size_t, std::size_t>> fewest(chars.size() + 1, {kNone, 0});
  fewest[0] = {0, 0};
  for (std::size_t end = 1; end <= chars.size(); ++end) {
    for (std::size_t begin = 0; begin < end; ++begin) {
      if (fewest[begin].first == kNone) continue;
      const std::string piece = Slice(chars, begin, end);
      const bool named = std::any_of(std::begin(kFigureColumnNames), std::end(kFigureColumnNames),
                                     [&piece](std::string_view name) { return piece == name; });
      if (named && fewest[begin].first + 1 < fewest[end].first) {
        fewest[end] = {fewest[begin].first + 1, begin};
      }
    }
  }
  if (fewest[chars.size()].first == kNone || fewest[chars.size()].first < 2) return {};
  std::vector<NameInACell> names;
  for (std::size_t end = chars.size(); end > 0; end = fewest[end].second) {
    const std::size_t begin = fewest[end].second;
    names.insert(names.begin(),
                 NameInACell{ColumnKeyForHeader({Slice(chars, begin, end)}), end - begin});
  }
  return names;
}

std::vector<NameInACell> NamesInAHeaderCell(const std::vector<char32_t>& chars,
                                            const std::string& rest, const std::string& key) {
  if (!rest.empty()) {
    const std::vector<std::size_t> cuts = GluedWordCuts(Slice(chars, 0, chars.size()), rest, key);
    if (cuts.empty()) return {};
    // The one cut whose head the rest needs: 一般公共 + 预算拨款 names the general budget, where
    // 一般 + 预算拨款 names no more than 预算拨款 alone.
    const std::string rest_alone = ColumnKeyForHeader({rest});
    std::vector<std::size_t> needed;
    for (const std::size_t cut : cuts) {
      if (ColumnKeyForHeader({Slice(chars, 0, cut) + rest}) != rest_alone) needed.push_back(cut);
    }
    const std::size_t k = needed.size() == 1 ? needed.front() : cuts.front();
    return {{ColumnKeyForHeader({Slice(chars, 0, k) + rest}), k}, {key, chars.size() - k}};
  }
  std::vector<NameInACell> names = FewestNames(chars);
  // One character read between two names (一般公共预算氢其他收入, H18 s3w_0287_budget: a speck or
  // the wrapped line's ink): the names either side of it, its width the first's. Only a
  // character no figure name prints (合 of a wrapped 合计 is a name's: 本年支出合基本支出 over 计,
  // H15 s3w_0225_budget, is no 本年支出 beside 基本支出), and only when one such gives names.
  if (names.empty()) {
    std::size_t found = 0;
    for (std::size_t g = 1; g + 1 < chars.size(); ++g) {
      if (InAnyFigureName(chars[g])) continue;
      std::vector<char32_t> without = chars;
      without.erase(without.begin() + static_cast<std::ptrdiff_t>(g));
      std::vector<NameInACell> around = FewestNames(without);
      std::size_t end = 0;
      std::size_t n = 0;
      while (n < around.size() && end < g) end += around[n++].chars;
      if (around.empty() || end != g || n == 0 || n == around.size()) continue;
      ++around[n - 1].chars;
      if (++found > 1) return {};
      names = std::move(around);
    }
  }
  if (names.size() < 2) return {};
  for (std::size_t a = 0; a < names.size(); ++a) {
    if (names[a].key.empty() || names[a].key == "-") return {};
    for (std::size_t b = a + 1; b < names.size(); ++b) {
      if (names[a].key == names[b].key) return {};
    }
  }
  return names;
}

}  // namespace

std::string KeyOfAWordMissingItsFirstCharacter(const std::string& rest) {
  static const char* const kFirstCharacters[] = {"合", "小", "总", "公", "人", "基", "项",
                                                 "本", "其", "一", "财", "政", "事", "经",
                                                 "上", "年", "预", "决", "支", "收", "国"};
  constexpr std::size_t kMaxRest = 4;
  const std::size_t chars = DecodeUtf8(rest).size();
  if (chars == 0 || chars > kMaxRest) return "";
  std::string agreed;
  for (const char* character : kFirstCharacters) {
    const std::string key = ColumnKeyForHeader({std::string(character) + rest});
    if (key.empty() || key == "-" || key == kRateColumn) continue;
    if (agreed.empty()) agreed = key;
    if (key != agreed) return "";
  }
  return agreed;
}

void KeyOcrHeaderWordsMissingTheirFirstCharacter(const TablePart& first,
                                                 std::vector<std::string>& keys) {
  KeyUnkeyedOcrWords(first, keys, [](std::size_t, const std::string& word) {
    return KeyOfAWordMissingItsFirstCharacter(TableKey(word));
  });
}

void KeyOcrWordGluedToTheLabelHeader(const TablePart& first, std::vector<std::string>& keys) {
  const Table& table = *first.table;
  if (!IsOcrGrid(table)) return;
  static const char* const kFigureWords[] = {"合计", "小计", "总计", "金额", "决算数", "预算数"};
  const HeaderAnalysis& header = first.header;
  for (std::size_t c = 1; c < keys.size() && c < header.paths.size(); ++c) {
    if (!keys[c].empty() || !OwnWordLost(header, c) || !keys[c - 1].empty() ||
        MoneyCells(table, header.header_rows, static_cast<int>(c)) < 2) {
      continue;
    }
    const std::string left = TableKey(OwnWord(header.paths[c - 1]));
    const std::string left_key = ColumnKeyForHeader({left});
    if (!left_key.empty() && left_key != "-") continue;
    for (const char* word : kFigureWords) {
      if (!EndsWith(left, word) || left == word) continue;
      const std::string key = ColumnKeyForHeader({std::string(word)});
      if (!key.empty() && key != "-" && std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys[c] = key;
      }
      break;
    }
  }
}

void KeyOcrHeaderWordsWithOneCharacterMisread(const StitchedTable& stitched,
                                              std::vector<std::string>& keys) {
  KeyOcrWordsAsStandardNames(
      stitched, keys, [](const std::vector<char32_t>& word, const std::vector<char32_t>& name) {
        return PlacesDiffering(word, name) == 1;
      });
}

void KeyOcrHeaderWordsWithOneCharacterLost(const StitchedTable& stitched,
                                           std::vector<std::string>& keys) {
  KeyOcrWordsAsStandardNames(
      stitched, keys, [](const std::vector<char32_t>& word, const std::vector<char32_t>& name) {
        if (name.size() != word.size() + 1) return false;
        std::size_t i = 0;
        while (i < word.size() && word[i] == name[i]) ++i;
        return std::equal(word.begin() + static_cast<std::ptrdiff_t>(i), word.end(),
                          name.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      });
  // A name of four whose last character wrapped to a line the scan did not read (人员经 and
  // 公用经 over 费, H27 s3w_0427_budget: the public column's 5 figures unkeyed): three
  // characters, the name's head, tell it when every name so headed keys one column.
  constexpr std::size_t kShortestHead = 3;
  KeyOcrWordsAsStandardNames(
      stitched, keys,
      [](const std::vector<char32_t>& word, const std::vector<char32_t>& name) {
        return name.size() == word.size() + 1 && std::equal(word.begin(), word.end(), name.begin());
      },
      kShortestHead);
}

void KeyOcrHeaderWordsReadOutOfOrder(const StitchedTable& stitched,
                                     std::vector<std::string>& keys) {
  KeyOcrWordsAsStandardNames(
      stitched, keys, [](const std::vector<char32_t>& word, const std::vector<char32_t>& name) {
        if (name.size() != word.size()) return false;
        for (std::size_t cut = 1; cut < word.size(); ++cut) {
          if (std::equal(word.begin() + static_cast<std::ptrdiff_t>(cut), word.end(),
                         name.begin()) &&
              std::equal(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(cut),
                         name.end() - static_cast<std::ptrdiff_t>(cut))) {
            return true;
          }
        }
        return false;
      });
}

void KeyOcrTwoNamesInOneHeaderCell(const TablePart& first, std::vector<std::string>& keys) {
  const Table& table = *first.table;
  if (!IsOcrGrid(table)) return;
  const int header_rows = first.header.header_rows;
  for (std::size_t c = 0; c < keys.size(); ++c) {
    if (keys[c].empty() || keys[c] == "-") continue;
    const TableCell* top = nullptr;
    std::string rest;
    for (int r = 0; r < header_rows; ++r) {
      const TableCell* cell = table.CellAt(r, static_cast<int>(c));
      if (cell == nullptr || cell->row != r || cell->column != static_cast<int>(c)) continue;
      const std::string text = TableKey(cell->text);
      if (text.empty() || Has(text, "栏次") ||
          std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        continue;
      }
      if (top == nullptr) {
        top = cell;
      } else {
        rest += text;
      }
    }
    // The lines under the top are the rest of a wrapped name only when they name nothing
    // themselves (算拨款); 合计 under 一般公共预算基本支出 is a header of the level below, and a
    // top cell spanning columns is a group's.
    if (top == nullptr || !top->provenance.box || top->column_span > 1 ||
        (!rest.empty() && !ColumnKeyForHeader({rest}).empty())) {
      continue;
    }
    const std::vector<std::string> lines = SplitLines(top->text);
    const std::vector<char32_t> chars = DecodeUtf8(TableKey(lines.empty() ? "" : lines.front()));
    std::vector<NameInACell> names = NamesInAHeaderCell(chars, rest, keys[c]);
    // The first name wrapped inside the cell, its rest on the cell's next line (一般公共。其他收入
    // over 预算拨款): that line is the rest the first name is completed with.
    if (names.size() < 2 && rest.empty() && lines.size() >= 2) {
      std::string in_cell;
      for (std::size_t l = 1; l < lines.size(); ++l) in_cell += TableKey(lines[l]);
      names = NamesInAHeaderCell(chars, in_cell, keys[c]);
    }
    if (names.size() < 2) continue;
    double lo = 1e18, hi = -1e18;
    for (const TableCell& cell : table.cells) {
      if (cell.column != static_cast<int>(c) || cell.row < header_rows || !cell.provenance.box ||
          !IsPrintedMoney(cell.text)) {
        continue;
      }
      lo = std::min(lo, cell.provenance.box->x0);
      hi = std::max(hi, cell.provenance.box->x1);
    }
    if (lo > hi) continue;
    const Box& box = *top->provenance.box;
    const double per_char = box.width() / static_cast<double>(chars.size());
    std::string key;  // none unless one name heads every amount
    double start = box.x0;
    for (std::size_t n = 0; n < names.size(); ++n) {
      const double end = start + per_char * static_cast<double>(names[n].chars);
      if (hi <= end + per_char) {
        if (n == 0 || lo >= start - per_char) key = names[n].key;
        break;
      }
      if (n + 1 == names.size() && lo >= start - per_char) key = names[n].key;
      start = end;
    }
    keys[c] = key;
  }
}

void KeyWrappedOcrWords(const TablePart& first, std::vector<std::string>& keys) {
  if (!IsOcrGrid(*first.table)) return;
  const std::vector<std::string>& paths = first.header.paths;
  for (std::size_t c = 0; c < keys.size() && c < paths.size(); ++c) {
    const std::size_t slash = paths[c].find('/');
    if ((!keys[c].empty() && keys[c].find('.') == std::string::npos) ||
        slash == std::string::npos || paths[c].find('/', slash + 1) != std::string::npos) {
      continue;
    }
    const std::string upper = paths[c].substr(0, slash + 1);
    const bool shared = (c > 0 && StartsWith(paths[c - 1], upper)) ||
                        (c + 1 < paths.size() && StartsWith(paths[c + 1], upper));
    if (shared) continue;
    const std::string joined =
        ColumnKeyForHeader({paths[c].substr(0, slash) + paths[c].substr(slash + 1)});
    if (!joined.empty() && joined != "-" && joined.find('.') == std::string::npos) keys[c] = joined;
  }
}

}  // namespace disclose
