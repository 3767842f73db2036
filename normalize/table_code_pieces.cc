#include "normalize/table_code_pieces.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "normalize/classification.h"
#include "normalize/ocr_labels.h"
#include "normalize/ocr_repair.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

bool IsOcrCell(const Table& grid, int r, int c) {
  const TableCell* cell = grid.CellAt(r, c);
  return cell != nullptr && cell->provenance.origin == TextOrigin::kOcr;
}

std::vector<std::string> WithMisreadSegmentColumn(std::vector<std::string> roles, const Table& grid,
                                                  int body_start) {
  // A scan garbles a few pieces too (11 read 了, 13 read 卫, H15 s3w_0229_budget): one or two
  // characters that are no piece still leave the column a 款 column when two-digit pieces
  // are at least twice as many. A longer text is a name: the column is no code column.
  constexpr std::size_t kLongestGarbledPiece = 2;  // code points
  for (std::size_t c = 0; c + 1 < roles.size(); ++c) {
    if (roles[c + 1] != "xiang" || IsCodeRole(roles[c]) || roles[c] == "rowno") continue;
    int pieces = 0;
    int garbled = 0;
    bool other = false;
    for (int r = body_start; r < grid.row_count && !other; ++r) {
      const TableCell* cell = grid.CellAt(r, static_cast<int>(c));
      if (cell == nullptr || cell->column != static_cast<int>(c)) continue;
      const std::string key = TableKey(cell->text);
      if (key.empty()) continue;
      if (key.size() == 2 && AllDigits(key)) {
        ++pieces;
      } else if (DecodeUtf8(key).size() <= kLongestGarbledPiece && !AllDigits(key)) {
        ++garbled;
      } else {
        other = true;
      }
    }
    if (!other && pieces > 0 && pieces >= 2 * garbled &&
        IsOcrCell(grid, body_start, static_cast<int>(c))) {
      roles[c] = "kuan";
    }
  }
  return roles;
}

std::map<int, std::string> KuanPiecesReadAsZero(const Table& grid,
                                                const std::vector<std::string>& roles, int start) {
  std::map<int, std::string> out;
  int kuan = -1;
  int xiang = -1;
  int klass = -1;
  for (std::size_t c = 0; c < roles.size(); ++c) {
    if (roles[c] == "kuan" && kuan < 0) kuan = static_cast<int>(c);
    if (roles[c] == "xiang" && xiang < 0) xiang = static_cast<int>(c);
    if (roles[c] == "class" && klass < 0) klass = static_cast<int>(c);
  }
  if (kuan < 0 || xiang < 0 || !IsOcrGrid(grid)) return out;
  auto settle = [&out](const std::vector<int>& zeros, const std::set<std::string>& read) {
    if (zeros.empty() || read.size() != 1) return;
    const std::string& piece = *read.begin();
    if (piece.find_first_not_of("068") != std::string::npos) return;
    for (const int r : zeros) out[r] = piece;
  };
  std::vector<int> zeros;
  std::set<std::string> read;
  std::string run_class;
  for (int r = start; r < grid.row_count; ++r) {
    const std::string k = TableKey(grid.TextAt(r, kuan));
    const std::string x = TableKey(grid.TextAt(r, xiang));
    const std::string cls = klass < 0 ? "" : TableKey(grid.TextAt(r, klass));
    const bool kuan_row = !k.empty() && x.empty();
    const bool item_row = !k.empty() && !x.empty() && cls == run_class;
    if (kuan_row || !item_row) {
      settle(zeros, read);
      zeros.clear();
      read.clear();
      run_class = cls;
      if (!kuan_row) continue;
    }
    if (k == "00") {
      zeros.push_back(r);
    } else if (k.size() == 2 && AllDigits(k)) {
      read.insert(k);
    }
  }
  settle(zeros, read);
  return out;
}

bool IsTwoCodePairs(std::string_view text) {
  const std::string words = CollapseWhitespace(Trim(text));
  const std::size_t space = words.find(' ');
  if (space == std::string::npos || words.find(' ', space + 1) != std::string::npos) return false;
  const std::string first = TableKey(words.substr(0, space));
  const std::string second = TableKey(words.substr(space + 1));
  return first.size() == 2 && second.size() == 2 && AllDigits(first) && AllDigits(second);
}

std::string OcrCodePiece(std::string_view key) {
  std::string digits;
  if (key.size() == 2) {
    for (const char ch : key) {
      if (ch >= '0' && ch <= '9') {
        digits += ch;
      } else if (ch == 'I' || ch == 'l' || ch == 'i' || ch == '|' || ch == '!' || ch == 'T' ||
                 ch == 't') {
        digits += '1';
      } else if (ch == 'O' || ch == 'o' || ch == 'D') {
        digits += '0';
      } else {
        return "";
      }
    }
    return digits;
  }
  if (key.size() != 3) return "";
  for (const char ch : key) {
    if (ch >= '0' && ch <= '9') digits += ch;
    if (static_cast<unsigned char>(ch) >= 0x80) return "";
  }
  return digits.size() == 2 ? digits : "";
}

bool PadsPieces(const Table& grid, int c) {
  for (int r = 0; r < grid.row_count; ++r) {
    const std::string key = TableKey(grid.TextAt(r, c));
    if (key.size() == 2 && key[0] == '0' && AllDigits(key)) return true;
  }
  return false;
}

std::string TwoDigits(int piece) {
  std::string digits = std::to_string(piece);
  if (digits.size() < 2) digits.insert(digits.begin(), '0');
  return digits;
}

std::string CodeNamedAmong(const std::string& parent, const std::vector<int>& pieces,
                           std::string_view name) {
  if (pieces.size() < 2) return "";
  std::vector<std::string> codes;
  for (const int piece : pieces) codes.push_back(parent + TwoDigits(piece));
  return NearestSubclassCode(name, codes).value_or("");
}

std::string CodeMisreadAsAnother(const std::string& code, std::string_view name) {
  if (code.size() != 5 && code.size() != 7) return "";
  std::vector<std::string> codes = {code};
  for (std::size_t at = code.size() - 2; at < code.size(); ++at) {
    for (const char32_t digit : OcrConfusableDigits(static_cast<char32_t>(code[at]))) {
      std::string other = code;
      other[at] = static_cast<char>(digit);
      if (other.compare(other.size() - 2, 2, "00") == 0) continue;
      if (!KnownFunctionSubclassNames(other).empty()) codes.push_back(other);
    }
  }
  if (codes.size() == 1) return "";
  const std::optional<std::string> named = NearestSubclassCode(name, codes);
  return named && *named != code ? *named : "";
}

std::vector<int> PiecesReadAs(std::string_view key) {
  std::vector<int> out;
  auto add = [&out](int piece) {
    if (piece != 0 && std::find(out.begin(), out.end(), piece) == out.end()) out.push_back(piece);
  };
  auto digit_at = [key](std::size_t i) { return IsAsciiDigit(static_cast<unsigned char>(key[i])); };
  if (!HasAsciiDigit(key)) {
    for (int piece = 1; piece <= 99; ++piece) add(piece);
  } else if (key == "00") {
    for (const int tens : {0, 6, 8}) {
      for (const int units : {0, 6, 8}) add(tens * 10 + units);
    }
  } else if (key.size() == 1) {
    const int digit = key[0] - '0';
    for (int other = 0; other <= 9; ++other) {
      add(digit * 10 + other);
      add(other * 10 + digit);
    }
  } else if (key.size() == 2 && digit_at(0) != digit_at(1)) {
    // One digit and a mark read for the other (]1 for 11): the digit keeps its place.
    const bool first = digit_at(0);
    const int digit = (first ? key[0] : key[1]) - '0';
    for (int other = 0; other <= 9; ++other) add(first ? digit * 10 + other : other * 10 + digit);
  } else if (key.size() == 3) {
    for (std::size_t drop = 0; drop < 3; ++drop) {
      std::string rest(key);
      rest.erase(drop, 1);
      add((rest[0] - '0') * 10 + (rest[1] - '0'));
    }
  }
  return out;
}

bool IsMisreadClassCode(std::string_view key) {
  constexpr std::size_t kMostCodePoints = 6;
  if (key.empty() || AllDigits(key) || DecodeUtf8(key).size() > kMostCodePoints) return false;
  return std::any_of(key.begin(), key.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
  });
}

bool IsPieceReadAsIdeographs(std::string_view key) {
  const std::vector<char32_t> cps = DecodeUtf8(key);
  return !cps.empty() && cps.size() <= 2 && std::all_of(cps.begin(), cps.end(), IsCjkIdeograph);
}

bool IsMisreadPiece(std::string_view key) {
  if (key.empty() || key.size() > 3) return false;
  return std::all_of(key.begin(), key.end(),
                     [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

}  // namespace disclose
