#include "normalize/ocr_vocabulary.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace disclose {
namespace {

// The words standard tables are identified and keyed by: titles (table_kind.cc), header columns
// (table_columns.cc) and summary rows. Four characters or more, so that one character of them
// is at most a quarter of the word.
constexpr std::u32string_view kVocabulary[] = {
    // Funds and sources.
    U"一般公共预算",
    U"政府性基金",
    U"国有资本经营",
    U"财政拨款",
    U"财政专户",
    U"事业收入",
    U"经营收入",
    U"其他收入",
    U"上级补助收入",
    U"附属单位上缴",
    // Title and header words, and the compounds titles are made of (the longer a word, the
    // more of it a misread may touch: one character in four).
    U"基本支出",
    U"项目支出",
    U"预算支出",
    U"预算收入",
    U"拨款支出",
    U"拨款收入",
    U"收支预算",
    U"收支总表",
    U"收入支出",
    U"支出预算",
    U"收入预算",
    U"预算总表",
    U"支出总表",
    U"收入总表",
    U"支出决算",
    U"收入决算",
    U"决算总表",
    U"支出情况",
    U"收入情况",
    U"总体情况",
    U"政府采购",
    U"政府购买服务",
    U"机关运行经费",
    U"经济分类",
    U"功能分类",
    U"经济科目",
    U"功能科目",
    U"三公经费",
    U"“三公”经费",
    U"人员经费",
    U"公用经费",
    // 基本支出 split as 人员支出 | 公用支出 (Yantai, Hangzhou), read 人员文出 on a scan.
    U"人员支出",
    U"公用支出",
    U"本年收入",
    U"本年支出",
    U"收入总计",
    U"支出总计",
    U"上年结转",
    U"结转结余",
    U"科目编码",
    U"科目名称",
    U"科目代码",
    U"年初预算数",
    U"财政拨款收支",
    U"财政拨款基本支出",
    U"财政拨款支出",
    U"一般公共预算支出",
    U"一般公共预算基本支出",
    U"一般公共预算财政拨款",
    U"政府性基金预算",
    U"国有资本经营预算",
    // Economic and function classes the body's codes print beside.
    U"工资福利支出",
    U"商品和服务支出",
    U"对个人和家庭的补助",
    U"一般公共服务支出",
    U"社会保障和就业支出",
    U"住房保障支出",
};

// Glyph pairs chi_sim confuses on degraded scans (read, meant): a substitution along one of
// them is half as far as any other, so it decides between two vocabulary words one character
// apart (收文预算: 收支预算, not 收入预算). 筑 for 算: 支出决筑表 and 收支决筑总表 in titles and
// lists of tables on the layout sweep's scans. 挨 for 拨 (the same hand radical): a header
// 财政挨款收入 keyed no column (H8 s3w_0126).
constexpr std::pair<char32_t, char32_t> kConfusions[] = {
    {U'文', U'支'}, {U'去', U'支'}, {U'雯', U'支'}, {U'友', U'支'}, {U'女', U'支'}, {U'亚', U'款'},
    {U'次', U'款'}, {U'砍', U'款'}, {U'质', U'预'}, {U'孔', U'预'}, {U'芭', U'营'}, {U'志', U'表'},
    {U'去', U'表'}, {U'其', U'基'}, {U'日', U'目'}, {U'力', U'万'}, {U'人', U'入'}, {U'拔', U'拨'},
    {U'洒', U'资'}, {U'竟', U'费'}, {U'筑', U'算'}, {U'挨', U'拨'},
};

bool KnownConfusion(char32_t read, char32_t meant) {
  return std::any_of(std::begin(kConfusions), std::end(kConfusions),
                     [&](const auto& pair) { return pair.first == read && pair.second == meant; });
}

// The cost no repair reaches: at most one substitution that is not a known confusion.
constexpr int kNoRepair = 4;

// Words shorter than this are only repaired along a known confusion.
constexpr std::size_t kMinWordForAnySubstitution = 6;

// Cost, in half substitutions, of reading the window at `from` as `word` (same length): 0 when
// equal, 1 for each known confusion, 2 for each other substitution; -1 when more than one
// character in four differs or a differing character is not a CJK ideograph (digits, marks
// and letters are not a word's misreads).
int Cost(const std::vector<char32_t>& text, const std::vector<std::size_t>& at, std::size_t from,
         std::u32string_view word) {
  const std::size_t allowed = word.size() / 4;
  std::size_t differing = 0;
  int cost = 0;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char32_t read = text[at[from + k]];
    if (read == word[k]) continue;
    if (++differing > allowed || !IsCjkIdeograph(read) || !IsCjkIdeograph(word[k])) return -1;
    const bool known = KnownConfusion(read, word[k]);
    // In a short word any other character may be a word of its own (还本支出 is no 基本支出,
    // 收入合计 no 收入总计): only a known confusion is read as a misread there.
    if (!known && word.size() < kMinWordForAnySubstitution) return -1;
    cost += known ? 1 : 2;
  }
  return cost;
}

// The positions of `cps`'s non-space code points: words are matched across spaces.
std::vector<std::size_t> NonSpacePositions(const std::vector<char32_t>& cps) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (!IsUnicodeSpace(cps[i])) at.push_back(i);
  }
  return at;
}

// Per non-space position `at`, whether it is a character of a vocabulary word printed exactly:
// such characters are never changed.
std::vector<bool> ExactVocabularyMarks(const std::vector<char32_t>& cps,
                                       const std::vector<std::size_t>& at) {
  std::vector<bool> exact(at.size(), false);
  for (std::u32string_view word : kVocabulary) {
    for (std::size_t i = 0; i + word.size() <= at.size(); ++i) {
      if (Cost(cps, at, i, word) == 0) std::fill_n(exact.begin() + i, word.size(), true);
    }
  }
  return exact;
}

// A vocabulary word a scan read with one character added inside it (一般公所共预算 for 一般公共
// 预算, H16 s3w_0248_final: the summary's 一般公共预算财政拨款收入 keyed as 财政拨款) has that
// character dropped: a run of non-space characters one longer than a word of kMinWord-
// ForAnySubstitution characters or more, which is the word with one ideograph inside it (not
// first, not last), where no vocabulary word is printed exactly. Returns whether it dropped one.
bool DropOneInsertedCharacter(std::vector<char32_t>& cps) {
  const std::vector<std::size_t> at = NonSpacePositions(cps);
  const std::vector<bool> exact = ExactVocabularyMarks(cps, at);
  for (std::u32string_view word : kVocabulary) {
    if (word.size() < kMinWordForAnySubstitution) continue;
    for (std::size_t i = 0; i + word.size() + 1 <= at.size(); ++i) {
      for (std::size_t k = 1; k < word.size(); ++k) {
        if (!IsCjkIdeograph(cps[at[i + k]]) || exact[i + k]) continue;
        bool same = true;
        for (std::size_t w = 0; w < word.size() && same; ++w) {
          const std::size_t from = i + (w < k ? w : w + 1);
          same = cps[at[from]] == word[w] && !exact[from];
        }
        if (!same) continue;
        cps.erase(cps.begin() + static_cast<std::ptrdiff_t>(at[i + k]));
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::string RepairOcrWords(std::string_view text) {
  std::vector<char32_t> cps = DecodeUtf8(text);
  bool dropped = false;
  while (DropOneInsertedCharacter(cps)) dropped = true;
  const std::vector<std::size_t> at = NonSpacePositions(cps);
  // Characters of a vocabulary word printed exactly (or made so by a repair) are kept.
  std::vector<bool> exact = ExactVocabularyMarks(cps, at);
  // The nearest word over the window starting at i; none when two words of the same length
  // are nearest (a tie guesses nothing) or when a change would touch an exact word.
  struct Repair {
    int cost = 0;
    std::u32string_view word;
  };
  auto nearest = [&](std::size_t i) {
    Repair best{kNoRepair, {}};
    bool tie = false;
    for (std::u32string_view word : kVocabulary) {
      if (i + word.size() > at.size()) continue;
      const int cost = Cost(cps, at, i, word);
      // A longer word must be no nearer to win a tie, never further than a repair may be: two
      // substitutions that are no known confusion made 一般公共预算拨款 (printed right) 一般公共
      // 预算支出 (H15 s3w_0229_budget's income header).
      if (cost <= 0 || cost >= kNoRepair) continue;
      bool touches_exact = false;
      for (std::size_t k = 0; k < word.size(); ++k) {
        if (cps[at[i + k]] != word[k] && exact[i + k]) touches_exact = true;
      }
      if (touches_exact) continue;
      if (cost < best.cost || (cost == best.cost && word.size() > best.word.size())) {
        tie = false;
        best = Repair{cost, word};
      } else if (cost == best.cost && word.size() == best.word.size() && word != best.word) {
        tie = true;
      }
    }
    return tie ? Repair{kNoRepair, {}} : best;
  };
  // Cheapest repair first, wherever it is (收文 is 收支 before 拨款收文 could be 拨款收入), then
  // the rest again against what it made exact.
  bool changed = false;
  for (;;) {
    std::size_t where = at.size();
    Repair chosen{kNoRepair, {}};
    for (std::size_t i = 0; i < at.size(); ++i) {
      const Repair repair = nearest(i);
      if (repair.word.empty()) continue;
      if (repair.cost < chosen.cost ||
          (repair.cost == chosen.cost && repair.word.size() > chosen.word.size())) {
        chosen = repair;
        where = i;
      }
    }
    if (chosen.word.empty()) break;
    for (std::size_t k = 0; k < chosen.word.size(); ++k) cps[at[where + k]] = chosen.word[k];
    changed = true;
    exact = ExactVocabularyMarks(cps, at);
  }
  return changed || dropped ? EncodeUtf8(cps) : std::string(text);
}

std::string RepairOcrLabelColons(std::string_view text) {
  std::vector<char32_t> cps = DecodeUtf8(text);
  static const std::u32string_view kLabels[] = {U"单位", U"部门", U"单位名称", U"部门名称"};
  bool changed = false;
  for (std::u32string_view label : kLabels) {
    const std::u32string_view all(cps.data(), cps.size());
    for (std::size_t at = all.find(label); at != std::u32string_view::npos;
         at = all.find(label, at + 1)) {
      std::size_t next = at + label.size();
      while (next < cps.size() && IsUnicodeSpace(cps[next])) ++next;
      if (next >= cps.size()) break;
      // What a colon becomes on a degraded scan; a colon read right needs nothing.
      if (std::u32string_view(U";；，,").find(cps[next]) != std::u32string_view::npos) {
        cps[next] = U'：';
        changed = true;
      }
    }
  }
  return changed ? EncodeUtf8(cps) : std::string(text);
}

namespace {

// The line without its number echo (see RepairOcrNumberEcho), or nullopt when it has none.
std::optional<std::string> WithoutNumberEcho(std::string_view line) {
  // (digit, the glyph chi_sim reads it as a second time). Only 7/了 has been seen.
  constexpr std::pair<char32_t, char32_t> kEchoes[] = {{U'7', U'了'}};
  constexpr std::size_t kMaxNumberLine = 8;  // code points: 公开07表, 附表12, 预算表7
  const std::vector<char32_t> all = DecodeUtf8(line);
  std::vector<char32_t> cps;
  for (char32_t cp : all) {
    if (!IsUnicodeSpace(cp)) cps.push_back(cp);
  }
  if (cps.size() < 3 || cps.size() > kMaxNumberLine + 1) return std::nullopt;
  std::size_t echo = cps.size();
  for (std::size_t i = 1; i < cps.size(); ++i) {
    for (const auto& [digit, glyph] : kEchoes) {
      if (cps[i] == glyph && cps[i - 1] == digit) echo = i;
    }
  }
  if (echo == cps.size()) return std::nullopt;
  // What is left must be a table number alone: 表, one or two digits, and 附/公开/预算/决算.
  std::size_t digits = 0;
  bool has_table = false;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (i == echo) continue;
    if (cps[i] >= U'0' && cps[i] <= U'9') {
      ++digits;
    } else if (std::u32string_view(U"附公开预决算表").find(cps[i]) == std::u32string_view::npos) {
      return std::nullopt;
    }
    has_table = has_table || cps[i] == U'表';
  }
  if (!has_table || digits == 0 || digits > 2) return std::nullopt;
  std::vector<char32_t> kept;
  std::size_t seen = 0;  // non-space code points passed
  for (char32_t cp : all) {
    if (!IsUnicodeSpace(cp) && seen++ == echo) continue;
    kept.push_back(cp);
  }
  return EncodeUtf8(kept);
}

}  // namespace

std::string RepairOcrNumberEcho(std::string_view text) {
  bool changed = false;
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    const std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (std::optional<std::string> repaired = WithoutNumberEcho(line)) {
      out += *repaired;
      changed = true;
    } else {
      out += line;
    }
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return changed ? out : std::string(text);
}

bool HasOcrText(const Document& document) {
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      if (paragraph->provenance.origin == TextOrigin::kOcr) return true;
    } else if (const Table* table = block.AsTable()) {
      for (const TableCell& cell : table->cells) {
        if (cell.provenance.origin == TextOrigin::kOcr) return true;
      }
    }
  }
  return false;
}

Document RepairOcrDocumentWords(const Document& document) {
  Document repaired = document;
  // Titles, captions and labels are short; a narrative paragraph keeps its words as read (its
  // figures are found by their own phrases, which this vocabulary does not hold).
  constexpr std::size_t kMaxParagraphCodePoints = 60;
  for (Block& block : repaired.blocks) {
    if (Paragraph* paragraph = block.AsParagraph()) {
      if (paragraph->provenance.origin == TextOrigin::kOcr &&
          DecodeUtf8(paragraph->text).size() <= kMaxParagraphCodePoints) {
        paragraph->text =
            RepairOcrLabelColons(RepairOcrWords(RepairOcrNumberEcho(paragraph->text)));
      }
    } else if (Table* table = block.AsTable()) {
      for (TableCell& cell : table->cells) {
        if (cell.provenance.origin == TextOrigin::kOcr) {
          cell.text = RepairOcrLabelColons(RepairOcrWords(cell.text));
        }
      }
    }
  }
  return repaired;
}

}  // namespace disclose
