// Private to extract/pdf: the stages of DetectUnruledTables (unruled_tables.cc),
// which finds tables drawn without inner rules (three-line tables, or none at
// all) from the alignment of the glyphs no ruled table took.
//
// There are no cell borders to read, so the grid is inferred from text, one
// stage per file, each taking the previous stage's output:
//   1. unruled_lines.cc: free glyphs form lines by vertical overlap, and each
//      line splits into chunks at gaps wider than a column gap; a chunk is a
//      figure or money or neither (BuildLines), and the line predicates every
//      later stage asks (IsBodyRow, IsCaptionLine, …);
//   1b. unruled_misread_figures.cc: on an OCR'd page, a short chunk where
//      the rows around it print figures is a figure misread (MarkMisreadFigures);
//   2. unruled_amount_tails.cc: an amount too wide for its cell wraps
//      ("1,209,583.7" over "5", "12,672" over ".73", over up to four lines);
//      a line of digit pieces under a row's amounts joins the amount it
//      completes (a code's rest its code), and a piece that could complete
//      two amounts is reported, not guessed (MarkAmountTails);
//   3. unruled_runs.cc: a run of at least three body rows (a figure after the
//      first chunk), two of them printed as money, is a table; label rows,
//      wrapped labels and a repeated 栏次 row may sit between rows; shorter
//      runs only at a page foot or as one row of amounts under a header
//      (FindRuns);
//   4. unruled_columns.cc: amounts are right-aligned, so amount columns are
//      clusters of the figures' right edges, and text columns the lined-up
//      left edges of words right of the labels; each column owns a band
//      (BuildColumns, ColumnOf, NearestTextColumn);
//   4b. unruled_cut_amounts.cc: an amount reaching into the band of the
//      column before its own, two amounts of a row in one cell, a digit piece
//      grouped as no amount is: each reported with its text and box, not
//      guessed (ReportCutAmounts);
//   5. unruled_header.cc: up to five rows of figure-free lines above the first
//      row (a row's lines wrapped tight counted once) are the header, and each
//      header word goes to the column it heads (FindHeaderFirst,
//      PlaceHeaderWord, GroupHeaderSpan);
//   6. unruled_tables.cc: rows and cells of the DetectedTable.
//
// Usage (what unruled_tables.cc does, in short):
//   std::vector<Line> lines = BuildLines(page, glyph_taken);
//   MarkAmountTails(lines, TailOptions{}, warnings);
//   for (const Candidate& run : FindRuns(lines, page.page.height)) {
//     const std::vector<double> edges = AmountColumns(lines, run, kRightEdgeTolEm * em);
//     const LabelBounds labels = FindLabelBounds(lines, run, edges, em);
//     std::vector<Column> columns = BuildColumns(lines, run, edges, labels, em);
//     ReportCutAmounts(lines, run, columns, labels.limit, em, ocr, table_warnings);
//     …
//   }
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/pdf/page_content.h"

namespace disclose::pdf::unruled {

constexpr double kColumnGapEm = 1.2;  // a gap this wide (in em) separates chunks
// Beside a digit a narrower gap does: in a table with narrow columns the
// padding of two cells (2 x 0.19 cm in Word and LibreOffice) is under an em,
// and "38,015.39" ran into the next cell's "科学技术支出" and its 行次 "7".
// Digits inside one number are set tight; a typed half-width space stays under
// this.
constexpr double kDigitGapEm = 0.6;
constexpr double kTextColumnTolEm = 1.0;  // left edges this close are one text column
constexpr double kRightEdgeTolEm = 0.8;   // right edges this close are one column
constexpr double kRowGapLines = 2.5;      // rows further apart (in line heights) end a table
constexpr double kFootShare = 0.85;       // below this share of the height: the page's foot
constexpr int kMinRows = 3;
constexpr int kMinMoneyRows = 2;
// A header takes up to five rows besides a 栏次 row, each perhaps wrapped over lines set tight
// at the line pitch (a narrow cell's 因公 / 出国 / （境 / ）费), up to twelve lines in all.
constexpr int kMaxHeaderRows = 5;
constexpr int kMaxHeaderBlockLines = 12;
// A label's wrapped lines follow at the line pitch: gaps under half a line.
constexpr double kWrapGapLines = 0.5;
constexpr std::size_t kMaxWrappedLines = 4;
// Lines inside the label and text cells: a name column two characters wide wraps a long name
// (政府办公厅（室）及相关机构事务) over seven lines or more.
constexpr std::size_t kMaxWrappedLinesInCells = 12;
// Rows printed with labels only, one after another (a summary's 三、事业收入 /
// 四、其他收入 with their amounts blank, one side longer than the other).
constexpr std::size_t kMaxLabelRows = 8;

struct Chunk {
  Box box;
  std::vector<int> glyphs;
  std::string text;
  bool figure = false;  // a number, "-" or "—" in an amount position
  bool money = false;   // a number printed with a separator or decimals
};

struct Line {
  Box box;
  double em = 10;
  std::vector<Chunk> chunks;
  bool leader = false;  // dotted leaders: a table of contents line
  // The wrapped rest of the amounts of the line above (stage 2): per chunk,
  // the index of the chunk above it completes, or -1 for a wrapped label.
  bool tail = false;
  std::vector<int> completes;
  // Per chunk, whether what it completes is a class code (20601 over 01), not an amount.
  std::vector<bool> code_rests;
};

// A run of lines that makes one table's body.
struct Candidate {
  std::size_t first = 0;  // line indices, inclusive
  std::size_t last = 0;
};

// A column right of the label column: an amount column keyed by its figures'
// right edge, or a text column (the labels of a summary's second side, a
// project name) by its left edge. (left, right] is its band, where a header
// word's centre falls.
struct Column {
  bool text = false;
  double edge = 0;
  double left = 0;
  double right = 0;
  // The x-extent of the column's body chunks (the figures or the words);
  // empty (lo > hi) for a column only its header shows.
  double lo = 1e18;
  double hi = -1e18;
  bool empty = false;  // no figure in the body: known from its header alone
};

// Where the label column ends: `limit` bounds its band (halfway between the
// longest label and the first figures), `end` is where its longest label ends.
struct LabelBounds {
  double limit = 0;
  double end = 0;
  // No body row prints a label (a columnar table's one row of amounts): every header word heads
  // an amount column, even one set left of the first figures.
  bool none = false;
};

inline Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
             std::max(a.y1, b.y1)};
}

// Whether `lower` stands under `upper`, their extents overlapping within `slack`: where a wrapped
// piece sits under the amount, code or column number it may go on.
inline bool SitsUnder(const Chunk& lower, const Chunk& upper, double slack = 0) {
  return lower.box.x0 < upper.box.x1 + slack && lower.box.x1 > upper.box.x0 - slack;
}

inline bool IsDigitChar(char c) {
  return c >= '0' && c <= '9';
}

// Digits only (a code, a code's piece or rest), at least one.
inline bool AllDigitChars(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsDigitChar);
}

// Digits, commas and points only: what an amount's piece, wrapped rest or cut head can hold.
inline bool IsDigitPiece(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return IsDigitChar(c) || c == ',' || c == '.';
  });
}

// OCR's reading of a cut amount's comma or point: a full-width ， or ． (`glyph`) right after a
// digit or an ASCII mark (`before`, the glyph before it): "29,026，" over "535.86" (H25 s3w_0397),
// a mark doubled "22,570,605.，" (H27 s3w_0418). It ends a number as the ASCII mark does.
inline bool IsFullWidthAmountMark(std::string_view glyph, std::string_view before) {
  return (glyph == "，" || glyph == "．") && !before.empty() &&
         IsDigitPiece(before.substr(before.size() - 1));
}

// Stage 1 (unruled_lines.cc).
std::vector<Line> BuildLines(const PageContent& page, const std::vector<char>& glyph_taken);
std::string Compact(std::string_view text);  // folded, without whitespace
// "单位：元", "金额单位:万元", "编制单位：…" anywhere in the line.
bool DeclaresUnit(const Line& line);
// Chunk `index` is an amount: any figure after the first chunk; the first
// only when printed as money (a leading 201 is a class code).
bool IsAmount(const Line& line, std::size_t index);
bool IsColumnNumbers(const Line& line);  // a 栏次 1 2 3 … row
// Whether line `j` is the wrapped rest of the 栏次 row above it: digits tight under its numbers, a
// 10 set in a column one digit wide printing 1 over 0.
bool IsColumnNumbersRest(const std::vector<Line>& lines, std::size_t j);
// Amounts, with at most a code and a label before them, or such groups side by
// side; never a leader line nor a 栏次 row.
bool IsBodyRow(const Line& line);
// Whether nothing but lines in the page's foot (a page number) follows from line `from` on.
bool OnlyFootLinesFrom(const std::vector<Line>& lines, std::size_t from, double page_height);
// Per chunk of a row of groups side by side (code | name | amount, three times over), whether it
// is the code or the name of a group after the first: a column's words, though a code is digits.
// All false for any other line.
std::vector<bool> LaterGroupWords(const Line& line);
bool HasMoney(const Line& line);
// A table's caption (the unit line, a title ending in 表), never its header.
bool IsCaptionLine(const Line& line);

// Stage 1b (unruled_misread_figures.cc), pages read by OCR: a short chunk where the
// rows around it print a figure, or shaped like digits in a row of amounts, is a
// figure misread (二 or ]1 for a 行次 11, = for 7).
void MarkMisreadFigures(std::vector<Line>& lines);
// Marks OCR reads for a digit: letters and signs shaped like one, and 了 for a 7 (chi_sim's
// reading of a 行次 7, H14 s3w_0213_budget); digits too.
bool IsDigitLookalike(char32_t c);
// Single ideographs that are header words over code or amount columns (类 款 项 over split
// codes), never a misread figure.
bool IsHeaderIdeograph(char32_t c);

// Stage 2 (unruled_amount_tails.cc).
struct TailOptions {
  // A page read by OCR: the low mark that ends a cut amount may be a point read as a comma,
  // or the other way round.
  bool low_mark_uncertain = false;
};
bool IsWellFormedAmount(std::string_view text);
// The digits of an integer whose every mark is followed by three digits (1367,028 or 1.367.028:
// group marks OCR misread); nothing otherwise.
std::optional<std::string> WithoutGroupMarks(std::string_view text);
void MarkAmountTails(std::vector<Line>& lines, const TailOptions& options,
                     std::vector<Warning>& warnings);
// A row the page break cut inside its wrapped amounts: the page's last line, in its foot, its
// amounts cut after a mark ("7,761,") ending on the amount columns of the row above. Its cut
// amounts are money, so the row stays in its table for the normalizer's stitch to complete.
void MarkRowCutAtPageFoot(std::vector<Line>& lines, double page_height);

// Stage 3 (unruled_runs.cc).
bool IsWrappedLabelLine(const std::vector<Line>& lines, std::size_t j);
bool IsLabelRowLine(const std::vector<Line>& lines, const Candidate& run, std::size_t j);
std::vector<Candidate> FindRuns(const std::vector<Line>& lines, double page_height);

// Stage 4 (unruled_columns.cc).
std::vector<double> AmountColumns(const std::vector<Line>& lines, const Candidate& run,
                                  double tolerance);
LabelBounds FindLabelBounds(const std::vector<Line>& lines, const Candidate& run,
                            const std::vector<double>& amount_edges, double em);
std::vector<Column> BuildColumns(const std::vector<Line>& lines, const Candidate& run,
                                 const std::vector<double>& amount_edges, double label_limit,
                                 double em);
int BandOf(double x, const std::vector<Column>& columns, double label_limit);
int ColumnOf(const Chunk& chunk, const std::vector<Column>& columns, double label_limit,
             bool header, double em);
// The text column a wrapped label's line continues when it starts in none (within an em of
// one), else the label column (0).
int NearestTextColumn(const Chunk& chunk, const std::vector<Column>& columns, double em);

// Stage 4b (unruled_cut_amounts.cc): warnings pdf_straddling_amount,
// pdf_joined_amount and pdf_cut_amount for the run's body rows. On a page read by OCR (`ocr`)
// an amount whose group commas stand wrong but whose point and two decimals end it
// (IsAmountWithMisplacedGroupMarks) is no cut: it is read digit for digit.
void ReportCutAmounts(const std::vector<Line>& lines, const Candidate& run,
                      const std::vector<Column>& columns, double label_limit, double em, bool ocr,
                      std::vector<Warning>& warnings);
// Digits and commas, a digit first, at least four digits before a point and two decimals that end
// it, a comma among them: an amount OCR read with a group comma lost or moved (12,011830.71 for
// 12,011,830.71, 4130,671.38 for 4,130,671.38). Its digits and point say what it is; the
// normalizer reads it digit for digit with an amount.irregular_grouping finding.
bool IsAmountWithMisplacedGroupMarks(std::string_view text);

// Stage 5 (unruled_header.cc).
std::size_t FindHeaderFirst(const std::vector<Line>& lines, const Candidate& run);
std::vector<Chunk> HeaderWords(const PageContent& page, const Chunk& chunk, double em);
// Columns no figure shows between two that do (政府性基金 … 附属单位上缴收入 blank between
// 一般公共预算拨款 and 其他收入, their words flush left in equal cells): on a header line whose
// words in an amount column's band are set apart, the last, over the column's figures, heads it;
// each word before it, over no body, heads a column of its own. Taken as one header, the words
// keyed the figures by the first of them (事业收入 for 其他收入's). A text column is headed by the
// first word over its words, the words after it heading columns of their own (a group's 科目名称
// and 决算数 after 公用经费合计 on the basic table's continuation page).
void AddHeaderOnlyColumnsBetween(const PageContent& page, const std::vector<Line>& lines,
                                 std::size_t header_first, std::size_t body_first,
                                 const LabelBounds& labels, double em,
                                 std::vector<Column>& columns);
void AddHeaderOnlyColumns(const PageContent& page, const std::vector<Line>& lines,
                          std::size_t header_first, std::size_t body_first,
                          const LabelBounds& labels, double em, std::vector<Column>& columns);
// Columns [first, first + count) of a header cell spanning them.
struct ColumnSpan {
  int first = 0;
  int count = 1;
};
// A group header (set flush left or centred) over the columns its words below head, from line
// `line` of the header (whose body starts at `body_first`): the columns it spans, or nothing.
std::optional<ColumnSpan> GroupHeaderSpan(const PageContent& page, const Chunk& word,
                                          const std::vector<Line>& lines, std::size_t line,
                                          std::size_t body_first,
                                          const std::vector<Column>& columns,
                                          const LabelBounds& labels, double em);
// A header word's pieces, each with the column (0 for the labels) it heads.
std::vector<std::pair<Chunk, int>> PlaceHeaderWord(const PageContent& page, const Chunk& word,
                                                   const std::vector<Column>& columns,
                                                   const LabelBounds& labels, double em);

}  // namespace disclose::pdf::unruled
