// Stage 1b of the unruled table detector (see unruled_stages.h), on pages read
// by OCR only: a short figure the page's OCR misread ("11" as 二 or ]1, "4" as
// d, "7" as =) is no figure to stage 1, so its row stopped being a body row.
// In a summary with 行次 columns, whose rows under the blank amounts print
// nothing but their 行次, that split the table in two, and the half below the
// break took the misread row for its header (H11 s3w_0171_final and
// s3w_0168_final). Such a chunk becomes a figure (never money) when the
// evidence around it says a figure stands there; the grid then re-reads its
// cell with the numeric character set. An amount read with a mark or two glued
// to it (TI2,654,847.94 for 12,654,847.94, H12 s3w_0191_budget) is money the
// same way: its row, a side-by-side summary's, had three chunks of text and
// stopped being a body row, and the summary's first rows were lost. So is an
// integer whose group marks were read as points (1.367.028, s3w_0157_final's
// 总计 row, lost as a paragraph), an amount with one mark misread as another sign
// (1二117,848.35, 二117,848.35), one with marks no amount has (9,.801607.04) or with
// digits read as look-alikes (了.35, 7了.68), where a column of amounts runs through it.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf::unruled {

bool IsDigitLookalike(char32_t c) {
  static constexpr std::u32string_view kLookalikes = U"IlL|][】【!dDOoQSsZzBbTi?=了";
  return (c >= U'0' && c <= U'9') || kLookalikes.find(c) != std::u32string_view::npos;
}

bool IsHeaderIdeograph(char32_t c) {
  static constexpr std::u32string_view kHeaderWords = U"类款项合计元次栏额数";
  return kHeaderWords.find(c) != std::u32string_view::npos;
}

namespace {

// A figure misread stays short: a 行次 of one or two digits, read as up to three marks.
constexpr std::size_t kMaxMisreadCodePoints = 3;
// How far (in lines) the rows that show the figure column may stand from the misread row.
constexpr std::size_t kNeighbourLines = 3;

bool IsLatinLetter(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}

bool IsSpeckMark(char32_t c) {
  static constexpr std::u32string_view kSpecks = U"。，、,.'`·:;：；\"“”‘’";
  return kSpecks.find(c) != std::u32string_view::npos;
}

// An integer grouped by points, or by points and commas (1.367.028 for 1,367,028): two marks at
// least, each followed by three digits. One point may be a decimal point; commas alone already
// make money. So is such an integer with its two decimals (1367.028.90 for 1,367,028.90, H10
// s3w_0157_final's 总计 row, lost as a paragraph).
bool IsMoneyWithMisreadGroupMarks(const Chunk& chunk) {
  const std::string text = RemoveAllWhitespace(chunk.text);
  const auto marks = [](std::string_view part) {
    return std::count_if(part.begin(), part.end(), [](char c) { return c == '.' || c == ','; });
  };
  if (WithoutGroupMarks(text) && std::count(text.begin(), text.end(), '.') >= 1 &&
      marks(text) >= 2) {
    return true;
  }
  const std::size_t n = text.size();
  if (n < 4 || (text[n - 3] != '.' && text[n - 3] != ',') || !IsDigitChar(text[n - 2]) ||
      !IsDigitChar(text[n - 1])) {
    return false;
  }
  const std::string integer = text.substr(0, n - 3);
  return WithoutGroupMarks(integer) && integer.find('.') != std::string::npos;
}

// At most this many marks glued to an amount's ends.
constexpr std::size_t kMaxGluedMarks = 2;

// Whether `chunk` is a grouped amount with up to kMaxGluedMarks marks glued to its ends: marks
// shaped like digits (not digits: a digit more is another number) or specks (。7,487.22). With
// `grouped` false the amount may print no group mark (了7196.03 for 7,196.03: the 7 read 了 and
// the comma 7, H26 s3w_0403_final) and any Latin letter is a mark (JT4.99 for 14.99, H25
// s3w_0395_budget): only a column of amounts through it makes that money.
bool IsMoneyUnderMarks(const Chunk& chunk, bool grouped = true) {
  const std::vector<char32_t> text = DecodeUtf8(RemoveAllWhitespace(chunk.text));
  auto is_mark = [grouped](char32_t c) {
    return (IsDigitLookalike(c) && !(c >= U'0' && c <= U'9')) || IsSpeckMark(c) ||
           (!grouped && IsLatinLetter(c));
  };
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_mark(text[begin])) ++begin;
  while (end > begin && is_mark(text[end - 1])) --end;
  if (begin + (text.size() - end) == 0 || begin + (text.size() - end) > kMaxGluedMarks) {
    return false;
  }
  std::string rest;
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] > 0x7F) return false;
    rest.push_back(static_cast<char>(text[i]));
  }
  const bool has_group = rest.find(',') != std::string::npos;
  if (!has_group && (grouped || rest.find('.') == std::string::npos)) return false;
  return IsWellFormedAmount(rest);
}

// Whether `chunk` is a grouped amount with one mark misread as another sign: between two digits
// where, read as a comma, it leaves a well-formed amount (1二117,848.35 for 1,117,848.35; a digit
// misread would leave a group of four), or before the amount where its first digits were
// (二117,848.35). H14 s3w_0220_final printed 1,117,848.35 in every row of two tables; one row's
// was no figure in each, and both tables were lost as paragraphs. The cell is read again with
// the numeric character set, and a wrong figure left breaks its column's sum.
bool IsMoneyWithOneMisreadMark(const Chunk& chunk) {
  const std::vector<char32_t> text = DecodeUtf8(RemoveAllWhitespace(chunk.text));
  auto is_digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  auto is_amount_char = [&](char32_t c) { return is_digit(c) || c == U',' || c == U'.'; };
  const auto mark = std::find_if_not(text.begin(), text.end(), is_amount_char);
  if (mark == text.end() || mark + 1 == text.end() || !is_digit(*(mark + 1)) ||
      std::find_if_not(mark + 1, text.end(), is_amount_char) != text.end()) {
    return false;
  }
  const bool leading = mark == text.begin();
  if (!leading && !is_digit(*(mark - 1))) return false;
  std::string read;
  for (auto it = text.begin(); it != text.end(); ++it) {
    if (it != mark) {
      read.push_back(static_cast<char>(*it));
    } else if (!leading) {
      read.push_back(',');
    }
  }
  return read.find(',') != std::string::npos && IsWellFormedAmount(read);
}

// Digits and marks only, two decimals last, with marks a figure cannot have: a mark doubled
// and a comma lost (9,.801607.04 for 9,801,607.04, H28 s3w_0432_final), a comma read as a point
// and another lost (1.117848.35). The row stopped being a body row there, and the table's header
// and first rows above it were lost as paragraphs. With a column of amounts through it, it is
// money; the cell is read again with the numeric character set, and a reading still misgrouped
// is a finding (amount.irregular_grouping, cell.ambiguous).
bool IsMoneyWithMisplacedMarks(const Chunk& chunk) {
  constexpr std::ptrdiff_t kLeastDigits = 5;
  std::string text = RemoveAllWhitespace(chunk.text);
  // A comma OCR read as a semicolon, a digit echoed after it (1;3578.12 for 1,578.12, H31
  // s3w_0483_final): the 20111 row, with its three amounts, was lost as a paragraph.
  std::replace(text.begin(), text.end(), ';', ',');
  const std::size_t n = text.size();
  if (n < 6 || !IsDigitChar(text[0]) || (text[n - 3] != '.' && text[n - 3] != ',') ||
      !IsDigitChar(text[n - 2]) || !IsDigitChar(text[n - 1])) {
    return false;
  }
  return IsDigitPiece(text) && std::count_if(text.begin(), text.end(), IsDigitChar) >= kLeastDigits;
}

// At most this many digits of an amount read as look-alikes.
constexpr int kMaxLookalikeDigits = 2;

// An amount with a digit or two read as look-alikes, in its place or beside it: 了.35 for 7.35,
// 7了.68 for 7.68 (a 7 read 了 and echoed, H28 s3w_0433_budget, whose 7s all read so). With the
// look-alikes read as digits, or dropped, it is an amount with a point, its group commas perhaps
// misplaced as well (12,011830.7I, H35 s3w_0549_budget). Its row stopped being a
// body row, and the table's rows under it were lost as paragraphs. Which reading is right the
// cell's own reading (numeric set) decides; with a column of amounts through it, it is money.
bool IsMoneyWithLookalikeDigits(const Chunk& chunk) {
  const std::vector<char32_t> text = DecodeUtf8(RemoveAllWhitespace(chunk.text));
  std::string as_digit, dropped;
  int lookalikes = 0;
  for (char32_t c : text) {
    if ((c >= U'0' && c <= U'9') || c == U'.' || c == U',') {
      as_digit.push_back(static_cast<char>(c));
      dropped.push_back(static_cast<char>(c));
    } else if (IsDigitLookalike(c)) {
      ++lookalikes;
      as_digit.push_back('1');
    } else {
      return false;
    }
  }
  if (lookalikes == 0 || lookalikes > kMaxLookalikeDigits) return false;
  auto amount = [](const std::string& read) {
    return read.find('.') != std::string::npos &&
           (IsWellFormedAmount(read) || IsAmountWithMisplacedGroupMarks(read));
  };
  return amount(as_digit) || amount(dropped);
}

// Whether `chunk` may be a short figure (a 行次, a code piece) OCR misread: marks shaped like
// digits; digits with one mark glued to them (1工, H25 s3w_0394_final's first summary row, lost
// as a paragraph); an ideograph or a Latin letter alone (a 行次 2 read N, H28 s3w_0441_budget;
// 款 11 read 工) or two Latin letters (a 行次 8 read Co, H30 s3w_0479_final), no header word
// among them. Only a column of figures through it (MarkMisreadFigures) makes it one.
bool MayBeAMisreadFigure(const Chunk& chunk) {
  const std::vector<char32_t> text = DecodeUtf8(RemoveAllWhitespace(chunk.text));
  const auto digits =
      std::count_if(text.begin(), text.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
  // A two-digit piece with two marks read into it: 款 11 read 1】1L (H34 s3w_0538_budget, the
  // rows under it lost as paragraphs).
  if (text.size() == kMaxMisreadCodePoints + 1 && digits >= 2 &&
      std::all_of(text.begin(), text.end(), IsDigitLookalike)) {
    return true;
  }
  if (text.empty() || text.size() > kMaxMisreadCodePoints) return false;
  if (std::all_of(text.begin(), text.end(), IsDigitLookalike)) return true;
  if (digits >= 1 && digits + 1 == static_cast<std::ptrdiff_t>(text.size()) &&
      std::none_of(text.begin(), text.end(), IsHeaderIdeograph)) {
    return true;
  }
  if (text.size() == 1) {
    return (IsCjkIdeograph(text[0]) || IsLatinLetter(text[0])) && !IsHeaderIdeograph(text[0]);
  }
  return text.size() == 2 && std::all_of(text.begin(), text.end(), [](char32_t c) {
           return IsLatinLetter(c) || IsDigitLookalike(c);
         });
}

// Whether `chunk` stands over or under an amount of a body row at most kNeighbourLines lines
// from `line` in direction `step` (-1 up, +1 down): half of the narrower of the two overlap. A
// wrapped label's rest (one chunk of text) is no line between rows: a summary whose labels wrap
// prints one under every other row (H14 s3w_0213_budget).
bool AmountBeside(const std::vector<Line>& lines, std::size_t line, int step, const Chunk& chunk) {
  std::size_t counted = 0;
  for (long at = static_cast<long>(line) + step;
       at >= 0 && at < static_cast<long>(lines.size()) && counted < kNeighbourLines; at += step) {
    const Line& other = lines[static_cast<std::size_t>(at)];
    // Nor are the wrapped rests of a row's amounts (92,356.2 over 9): they belong to the row.
    const bool label_rest = other.chunks.size() == 1 && !other.chunks.front().figure;
    if (!label_rest && !other.tail) ++counted;
    if (!IsBodyRow(other)) continue;
    for (std::size_t c = 0; c < other.chunks.size(); ++c) {
      if (!IsAmount(other, c)) continue;
      const Box& box = other.chunks[c].box;
      const double overlap = std::min(box.x1, chunk.box.x1) - std::max(box.x0, chunk.box.x0);
      const double narrower = std::min(box.width(), chunk.box.width());
      if (narrower > 0 && overlap >= 0.5 * narrower) return true;
    }
  }
  return false;
}

// How far up (in lines) a 行次 header may stand over the rows it numbers.
constexpr std::size_t kHeaderSearchLines = 16;

// Whether a header word of a 行次 column (行次, or 行 over 次 in a narrow cell) stands over
// `chunk`, on a line above `line` and below the table's caption: the column prints row numbers,
// whatever this row's was read as. A summary's first row printed its 行次 1 read 卢, with the
// 行次 of the rows under it not read at all (lone digits), and the row, three chunks of text,
// was lost with its amounts (H31 s3w_0482_final).
bool UnderRowNumberHeader(const std::vector<Line>& lines, std::size_t line, const Chunk& chunk) {
  for (std::size_t up = 1; up <= std::min(line, kHeaderSearchLines); ++up) {
    const Line& other = lines[line - up];
    if (IsCaptionLine(other)) return false;
    for (const Chunk& word : other.chunks) {
      const std::string text = Compact(word.text);
      if (text != "行次" && text != "行" && text != "栏次") continue;
      const double overlap =
          std::min(word.box.x1, chunk.box.x1) - std::max(word.box.x0, chunk.box.x0);
      const double narrower = std::min(word.box.width(), chunk.box.width());
      if (narrower > 0 && overlap >= 0.5 * narrower) return true;
    }
  }
  return false;
}

// A speck OCR read as punctuation (。 between two amounts or glued to one, H10 s3w_0146_budget's
// 206 row): one or two marks, no letter, digit or ideograph.
bool IsSpeck(const Chunk& chunk) {
  const std::vector<char32_t> text = DecodeUtf8(RemoveAllWhitespace(chunk.text));
  return !text.empty() && text.size() <= 2 && std::all_of(text.begin(), text.end(), IsSpeckMark);
}

// Specks between a row's amounts are no cell: a row with one more chunk of text than a body row
// allows was lost as a paragraph. Not in a line of wrapped rests, nor above one: their pairing is
// by chunk index.
void EraseSpecksBetweenAmounts(std::vector<Line>& lines) {
  for (std::size_t l = 0; l < lines.size(); ++l) {
    Line& line = lines[l];
    if (line.leader || line.tail || (l + 1 < lines.size() && lines[l + 1].tail) ||
        !HasMoney(line)) {
      continue;
    }
    std::vector<Chunk> kept;
    for (std::size_t c = 0; c < line.chunks.size(); ++c) {
      const bool between_amounts = c > 0 && c + 1 < line.chunks.size() &&
                                   line.chunks[c - 1].figure && line.chunks[c + 1].figure;
      if (between_amounts && IsSpeck(line.chunks[c])) continue;
      kept.push_back(std::move(line.chunks[c]));
    }
    line.chunks = std::move(kept);
  }
}

struct Marked {
  std::size_t line, chunk;
  bool money;
};

// One pass over the lines: the chunks to mark, found against the figures marked before it.
std::vector<Marked> FindMisreadFigures(const std::vector<Line>& lines) {
  std::vector<Marked> marked;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const Line& line = lines[l];
    if (line.leader || line.tail || IsColumnNumbers(line) || IsCaptionLine(line)) continue;
    const auto money = std::count_if(line.chunks.begin(), line.chunks.end(),
                                     [](const Chunk& chunk) { return chunk.money; });
    for (std::size_t c = 1; c < line.chunks.size(); ++c) {
      const Chunk& chunk = line.chunks[c];
      if (chunk.figure) continue;
      if (IsMoneyUnderMarks(chunk) || IsMoneyWithMisreadGroupMarks(chunk)) {
        marked.push_back({l, c, true});
        continue;
      }
      // A column of amounts runs through it.
      if ((IsMoneyWithOneMisreadMark(chunk) || IsMoneyUnderMarks(chunk, /*grouped=*/false) ||
           IsMoneyWithMisplacedMarks(chunk) || IsMoneyWithLookalikeDigits(chunk)) &&
          (AmountBeside(lines, l, -1, chunk) || AmountBeside(lines, l, +1, chunk))) {
        marked.push_back({l, c, true});
        continue;
      }
      if (!MayBeAMisreadFigure(chunk)) continue;
      // Rows above and below show a figure where it stands: a column of figures runs through
      // it. In a row that prints money one such row is enough: the table's last row has nothing
      // below it (款 11 read 工, H30 s3w_0477_budget: the rows under it were lost as
      // paragraphs), a summary's first rows nothing above them (行次 9 read 让 over 10, H30
      // s3w_0479_final). A mark no row's figure stands over has no column to go to: it would
      // join the amount beside it (总计 = 1721.57, its 行次 7 read =, became 71,721.57), so it
      // stays a mark.
      const bool above = AmountBeside(lines, l, -1, chunk);
      const bool below = AmountBeside(lines, l, +1, chunk);
      if ((above && below) ||
          (money >= 1 && (above || below || UnderRowNumberHeader(lines, l, chunk)))) {
        marked.push_back({l, c, false});
      }
    }
  }
  return marked;
}

// Passes after the first, at most: each continues a column of misread pieces by one row or two.
constexpr int kMaxFurtherPasses = 8;

}  // namespace

void MarkMisreadFigures(std::vector<Line>& lines) {
  EraseSpecksBetweenAmounts(lines);
  // Marked after each pass, so that within a pass one row's reading never leans on another's.
  // A later pass leans on the figures an earlier one marked: a column of pieces misread in
  // several rows continues from the figure read right above the first (款 11 read 1】1L, 11L and
  // 11L in three rows, only the first within reach of a 款 read as digits: H34 s3w_0538_budget,
  // whose last row and total were lost as paragraphs).
  for (int pass = 0; pass <= kMaxFurtherPasses; ++pass) {
    const std::vector<Marked> marked = FindMisreadFigures(lines);
    if (marked.empty()) break;
    for (const Marked& mark : marked) {
      Chunk& chunk = lines[mark.line].chunks[mark.chunk];
      chunk.figure = true;
      chunk.money = mark.money;
    }
  }
}

}  // namespace disclose::pdf::unruled
