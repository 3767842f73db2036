#include "extract/pdf/layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>

#include "core/table_number.h"
#include "core/text.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf {
namespace {

// A box expressed in a glyph run's own reading frame: u along the baseline,
// v across it (growing towards the next line). Lets one line builder serve
// horizontal and rotated text alike.
struct FrameBox {
  double u0, v0, u1, v1;
};

FrameBox ToFrame(const Box& b, int rotation) {
  switch (rotation) {
    case 90:  // reading downwards, next line to the left
      return {b.y0, -b.x1, b.y1, -b.x0};
    case 180: return {-b.x1, -b.y1, -b.x0, -b.y0};
    case 270:  // reading upwards, next line to the right
      return {-b.y1, b.x0, -b.y0, b.x1};
    default: return {b.x0, b.y0, b.x1, b.y1};
  }
}

double Area(const Box& b) {
  return std::max(0.0, b.width()) * std::max(0.0, b.height());
}

double IntersectionArea(const Box& a, const Box& b) {
  const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0.0;
}

char32_t FirstCodePoint(std::string_view text) {
  const std::vector<char32_t> cps =
      DecodeUtf8(text.substr(0, std::min<std::size_t>(4, text.size())));
  return cps.empty() ? 0 : cps.front();
}

char32_t LastCodePoint(std::string_view text) {
  std::size_t start = text.size();
  while (start > 0 && (static_cast<unsigned char>(text[start - 1]) & 0xC0) == 0x80) --start;
  if (start > 0) --start;
  const std::vector<char32_t> cps = DecodeUtf8(text.substr(start));
  return cps.empty() ? 0 : cps.back();
}

bool IsLatinOrDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xFF10 && c <= 0xFF19) || c == '.' || c == ',' || c == '%' || c == '-';
}

Box Union(const Box& a, const Box& b) {
  Box out = a;
  out.Extend(b);
  return out;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  return values[mid];
}

// Strips ASCII and ideographic spaces for pattern checks.
std::string Squeeze(std::string_view text) {
  return RemoveAllWhitespace(text);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "815,622.25元…": a line opening with an amount and its unit continues the
// sentence before it, even when that line ended short (a narrow text box).
bool StartsWithAmount(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() &&
         ((text[i] >= '0' && text[i] <= '9') || text[i] == ',' || text[i] == '.'))
    ++i;
  if (i == 0) return false;
  const std::string_view rest = text.substr(i);
  return rest.starts_with("元") || rest.starts_with("万元") || rest.starts_with(" 元") ||
         rest.starts_with(" 万元");
}

bool IsChineseNumeral(char32_t c) {
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十百零〇";
  return kNumerals.find(c) != std::u32string_view::npos;
}

// Face names that print heavier than the body text: Latin bold, Chinese Hei
// (黑体) and the 方正小标宋 display face used for titles.
bool IsBoldLikeFont(std::string_view name) {
  for (std::string_view mark : {"Bold", "bold", "BOLD", "Hei", "HEI", "hei", "Black", "Heavy",
                                "XBS", "xbs", "黑", "小标宋"}) {
    if (name.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

// A table's number line (公开03表, 表 2, 附表1) opens a paragraph: after a note
// that happens to reach the text column's edge (注：本表…误差。 on a page of
// tables, whose few text lines set that edge) it was joined to the note, and
// the table lost its number.
// A raw line as the table-number reader expects it (core/table_number.h).
std::u32string CaptionKey(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  return FoldTableNumberKey(std::u32string_view(cps.data(), cps.size()));
}

bool StartsWithTableNumber(std::u32string_view key) {
  const std::optional<TableNumberPrefix> prefix = ParseTableNumberPrefix(key);
  return prefix.has_value() && prefix->table_word;
}

bool StartsWithTableNumber(std::string_view text) {
  return StartsWithTableNumber(CaptionKey(text));
}

// A line that ends a sentence (。 ！ ？); a wrapped line of running text does not.
bool EndsSentence(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  return !cps.empty() && (cps.back() == U'。' || cps.back() == U'！' || cps.back() == U'？');
}

// A table's caption printed as a line of its own: its number, a title (a short
// line ending in 表, or 表 and a bracketed number: …表（公开01表）) or its unit.
// After a finished sentence such a line opens a paragraph, for the same reason
// as a number line: a note that set the column's edge swallowed the title.
bool IsCaptionLine(std::string_view text) {
  const std::u32string key = CaptionKey(text);
  if (StartsWithTableNumber(key)) return true;
  if (key.empty() || key.size() > 40) return false;
  if (key.starts_with(U"单位") || key.starts_with(U"金额单位")) return true;
  if (key.back() == U'表') return true;
  // The key folds （） to ().
  const std::size_t bracket = key.rfind(U'(');
  return bracket != std::u32string::npos && key.back() == U')' &&
         std::u32string_view(key).substr(0, bracket).ends_with(U"表");
}

}  // namespace

void DedupeFakeBold(std::vector<Glyph>& glyphs) {
  const std::size_t n = glyphs.size();
  if (n < 2) return;
  // Copies of a glyph have the same text and nearly the same position. Sorting
  // by (text, 2-pt band of the vertical centre, x) puts them next to each
  // other; a second pass with bands shifted by half catches pairs that
  // straddle a band edge. Each glyph is compared only with the few glyphs
  // that start within its own width, so this stays O(n log n) even for rows
  // of identical digits.
  constexpr double kBand = 2.0;
  std::vector<int> order(n);
  std::vector<long long> band(n);
  std::vector<bool> drop(n, false);
  for (double shift : {0.0, 0.5}) {
    for (std::size_t i = 0; i < n; ++i) {
      const double cy = (glyphs[i].box.y0 + glyphs[i].box.y1) / 2;
      const double b = std::floor(cy / kBand + shift);
      band[i] = std::isfinite(b) ? static_cast<long long>(std::clamp(b, -1e15, 1e15)) : 0;
    }
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      if (band[a] != band[b]) return band[a] < band[b];
      if (glyphs[a].text != glyphs[b].text) return glyphs[a].text < glyphs[b].text;
      if (glyphs[a].box.x0 != glyphs[b].box.x0) return glyphs[a].box.x0 < glyphs[b].box.x0;
      return a < b;
    });
    for (std::size_t k = 0; k < n; ++k) {
      const int i = order[k];
      if (drop[i]) continue;
      const Glyph& g = glyphs[i];
      const double reach = std::max(0.3 * g.box.width(), 0.5);
      for (std::size_t m = k + 1; m < n; ++m) {
        const int j = order[m];
        const Glyph& h = glyphs[j];
        if (band[j] != band[i] || h.text != g.text || h.box.x0 - g.box.x0 > reach) break;
        if (drop[j]) continue;
        const double smaller = std::min(Area(g.box), Area(h.box));
        if (smaller > 0 && IntersectionArea(g.box, h.box) > 0.7 * smaller) {
          drop[std::max(i, j)] = true;  // keep the first drawn copy
          if (j < i) break;             // i itself is gone
        }
      }
    }
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!drop[i]) {
      if (out != i) glyphs[out] = std::move(glyphs[i]);
      ++out;
    }
  }
  glyphs.resize(out);
}

std::vector<TextLine> BuildLines(const std::vector<Glyph>& glyphs,
                                 const std::vector<int>& indices) {
  struct Item {
    int glyph;
    FrameBox f;
  };
  struct Building {
    int rotation;
    double v0, v1;
    double centre;  // of the first glyph: the band may widen, the baseline does not move
    std::vector<Item> items;
  };
  std::vector<Item> items;
  items.reserve(indices.size());
  for (int i : indices) items.push_back({i, ToFrame(glyphs[i].box, glyphs[i].rotation)});
  std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
    const int ra = glyphs[a.glyph].rotation, rb = glyphs[b.glyph].rotation;
    if (ra != rb) return ra < rb;
    const double ca = a.f.v0 + a.f.v1, cb = b.f.v0 + b.f.v1;
    if (ca != cb) return ca < cb;
    return a.f.u0 < b.f.u0;
  });

  // A glyph a little off a line's baseline that lands on top of one of its
  // glyphs belongs to another flow drawn over it (a floating text box, a stamp),
  // not to the line: joining them interleaves two sentences character by
  // character. Glyphs on the same baseline may touch (kerning), so only offset
  // glyphs are tested, which keeps the common case free.
  // How much of the narrower of two glyphs the other covers along the line.
  auto overlap_share = [](const Item& a, const Item& b) {
    const double width = std::min(a.f.u1 - a.f.u0, b.f.u1 - b.f.u0);
    const double overlap = std::min(a.f.u1, b.f.u1) - std::max(a.f.u0, b.f.u0);
    return width > 0 ? overlap / width : 0.0;
  };
  // The glyph drawn just before or after in the content stream is the same
  // flow even when their cells overlap: some publishers set amounts in a
  // taller Latin font whose cells overrun each other ("12,672" then ".73"
  // drawn 0.3 pt back, cq_city_meteo_2026_budget), and testing them split the
  // amount off its sentence and its decimals off the amount.
  auto collides = [&overlap_share](const Building& line, const Item& item, double offset,
                                   double h) {
    if (offset <= 0.12 * h) return false;
    for (const Item& other : line.items) {
      if (other.glyph == item.glyph - 1 || other.glyph == item.glyph + 1) continue;
      if (overlap_share(other, item) > 0.3) return true;
    }
    return false;
  };
  // Along the line, glyphs are ordered by their centres: cells that overrun
  // their neighbour (above) start before it but centre after it.
  auto by_centre = [](const Item& x, const Item& y) { return x.f.u0 + x.f.u1 < y.f.u0 + y.f.u1; };

  std::vector<Building> building;
  for (const Item& item : items) {
    const int rotation = glyphs[item.glyph].rotation;
    const double h = item.f.v1 - item.f.v0;
    const double centre = 0.5 * (item.f.v0 + item.f.v1);
    // Items arrive by vertical centre, so only recent lines can still match;
    // looking back a few lines keeps this linear on dense pages. Of the lines
    // the glyph fits, the one whose baseline is nearest wins.
    Building* target = nullptr;
    double best_offset = 0;
    const std::size_t lookback = std::min<std::size_t>(building.size(), 6);
    for (std::size_t k = 0; k < lookback; ++k) {
      Building& line = building[building.size() - 1 - k];
      if (line.rotation != rotation) break;
      const double overlap = std::min(line.v1, item.f.v1) - std::max(line.v0, item.f.v0);
      const double line_h = line.v1 - line.v0;
      if (overlap <= 0.5 * std::min(h, line_h)) continue;
      const double offset = std::abs(centre - line.centre);
      if (target != nullptr && offset >= best_offset) continue;
      if (collides(line, item, offset, std::min(h, line_h))) continue;
      target = &line;
      best_offset = offset;
    }
    if (target == nullptr) {
      building.push_back({rotation, item.f.v0, item.f.v1, centre, {}});
      target = &building.back();
    } else {
      // Superscripts and mixed sizes must not stretch the band without bound.
      target->v0 = std::min(target->v0, item.f.v0);
      target->v1 = std::max(target->v1, item.f.v1);
    }
    target->items.push_back(item);
  }

  // Two flows on one baseline (a text box over the footer): glyphs of the
  // line land on each other. The line is split into runs of consecutive
  // content-stream glyphs going rightwards, each run joining the first sub-line it does not
  // collide with. Lines whose glyphs never overlap (all but a few) stay whole.
  auto overlapping = [&overlap_share](const Item& a, const Item& b) {
    return overlap_share(a, b) > 0.5;
  };
  // The next glyph of the stream, going rightwards (a step back under half the
  // previous cell is an overrun cell, not a return to the line's start).
  auto stream_step = [](const Item& a, const Item& b) {
    return b.glyph == a.glyph + 1 &&
           b.f.u0 + 0.5 * (b.f.u1 - b.f.u0) >= a.f.u0 + 0.5 * (a.f.u1 - a.f.u0);
  };
  std::vector<Building> split;
  for (Building& b : building) {
    std::sort(b.items.begin(), b.items.end(), by_centre);
    bool collision = false;
    for (std::size_t k = 1; k < b.items.size() && !collision; ++k) {
      collision =
          !stream_step(b.items[k - 1], b.items[k]) && overlapping(b.items[k - 1], b.items[k]);
    }
    if (!collision) {
      split.push_back(std::move(b));
      continue;
    }
    std::vector<Item> by_stream = b.items;
    std::sort(by_stream.begin(), by_stream.end(),
              [](const Item& x, const Item& y) { return x.glyph < y.glyph; });
    std::vector<Building> flows;
    std::size_t start = 0;
    while (start < by_stream.size()) {
      std::size_t end = start + 1;
      // A run ends where the stream skips glyphs or jumps back left.
      while (end < by_stream.size() && stream_step(by_stream[end - 1], by_stream[end])) {
        ++end;
      }
      Building* home = nullptr;
      for (Building& flow : flows) {
        bool clash = false;
        for (std::size_t k = start; k < end && !clash; ++k) {
          for (const Item& placed : flow.items) {
            if (overlapping(placed, by_stream[k])) {
              clash = true;
              break;
            }
          }
        }
        if (!clash) {
          home = &flow;
          break;
        }
      }
      if (home == nullptr) {
        flows.push_back({b.rotation, b.v0, b.v1, b.centre, {}});
        home = &flows.back();
      }
      home->items.insert(home->items.end(), by_stream.begin() + static_cast<std::ptrdiff_t>(start),
                         by_stream.begin() + static_cast<std::ptrdiff_t>(end));
      start = end;
    }
    for (Building& flow : flows) {
      std::sort(flow.items.begin(), flow.items.end(), by_centre);
      split.push_back(std::move(flow));
    }
  }
  building = std::move(split);

  std::vector<TextLine> lines;
  lines.reserve(building.size());
  std::vector<double> sizes;
  for (Building& b : building) {
    TextLine line;
    line.rotation = b.rotation;
    sizes.clear();
    const Item* previous = nullptr;
    for (const Item& item : b.items) {
      const Glyph& g = glyphs[item.glyph];
      if (previous != nullptr) {
        const Glyph& p = glyphs[previous->glyph];
        const double em = std::max(0.1, std::min(p.font_size, g.font_size));
        const double gap = item.f.u0 - previous->f.u1;
        const bool latin =
            IsLatinOrDigit(LastCodePoint(p.text)) && IsLatinOrDigit(FirstCodePoint(g.text));
        // 0.2 em: a Times word space is 0.25 em and kerning stays well below.
        // CJK is set tight; a half-em gap there is a typed (half-width) space.
        if (gap > 0.45 * em || (latin && gap > 0.2 * em)) line.text += ' ';
        line.box.Extend(g.box);
      } else {
        line.box = g.box;
      }
      line.text += g.text;
      sizes.push_back(g.font_size);
      previous = &item;
    }
    line.font_size = Median(sizes);
    int bold = 0;
    for (const Item& item : b.items) bold += IsBoldLikeFont(glyphs[item.glyph].font_name);
    line.bold_like = bold * 2 > static_cast<int>(b.items.size());
    line.glyph_count = static_cast<int>(b.items.size());
    lines.push_back(std::move(line));
  }
  // Reading order: horizontal lines top to bottom; rotated runs after them in
  // the order their frames gave (they are rare: stamps, vertical labels).
  std::stable_sort(lines.begin(), lines.end(), [](const TextLine& a, const TextLine& b) {
    if ((a.rotation == 0) != (b.rotation == 0)) return a.rotation == 0;
    if (a.rotation != 0) return false;
    return (a.box.y0 + a.box.y1) < (b.box.y0 + b.box.y1);
  });
  return lines;
}

bool IsPageNumberText(std::string_view text) {
  const std::string s = Squeeze(text);
  if (s.empty() || s.size() > 40) return false;
  if (AllDigits(s)) return s.size() <= 4;
  // Dashes around a number: "-3-", "—3—", "–3–".
  std::string core = s;
  for (std::string_view dash :
       {"-", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95", "\xEF\xBC\x8D"}) {
    while (StartsWith(core, dash)) core.erase(0, dash.size());
    while (EndsWith(core, dash)) core.erase(core.size() - dash.size());
  }
  if (core != s && AllDigits(core) && core.size() <= 4) return true;
  // "3/25".
  const std::size_t slash = s.find('/');
  if (slash != std::string::npos && AllDigits(s.substr(0, slash)) && AllDigits(s.substr(slash + 1)))
    return true;
  // "第3页", "第3页共25页", "共25页第3页".
  const std::string folded = FoldForMatching(s);
  std::string rest = folded;
  bool saw_page = false;
  while (!rest.empty()) {
    bool matched = false;
    for (std::string_view prefix : {"第", "共"}) {
      if (!StartsWith(rest, prefix)) continue;
      std::size_t k = prefix.size();
      std::size_t digits = 0;
      while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9') ++k, ++digits;
      if (digits == 0 || !StartsWith(std::string_view(rest).substr(k), "页")) return false;
      rest.erase(0, k + std::string_view("页").size());
      if (!rest.empty() && (rest[0] == ',' || rest[0] == ' ')) rest.erase(0, 1);
      saw_page = matched = true;
      break;
    }
    if (!matched) return false;
  }
  return saw_page;
}

int HeadingMarkLevel(std::string_view text) {
  const std::vector<char32_t> cps =
      DecodeUtf8(text.substr(0, std::min<std::size_t>(text.size(), 48)));
  std::size_t i = 0;
  while (i < cps.size() && IsUnicodeSpace(cps[i])) ++i;
  if (i >= cps.size()) return 0;
  // 第一部分 / 第二章.
  if (cps[i] == U'第') {
    std::size_t k = i + 1;
    while (k < cps.size() && IsChineseNumeral(cps[k])) ++k;
    if (k > i + 1 && k < cps.size() && (cps[k] == U'部' || cps[k] == U'章' || cps[k] == U'节'))
      return 2;
    return 0;
  }
  // 一、
  if (IsChineseNumeral(cps[i])) {
    std::size_t k = i;
    while (k < cps.size() && IsChineseNumeral(cps[k])) ++k;
    if (k < cps.size() && (cps[k] == U'、' || cps[k] == U'.' || cps[k] == U'．')) return 2;
    return 0;
  }
  // （一） or (一)
  if (cps[i] == U'（' || cps[i] == U'(') {
    std::size_t k = i + 1;
    while (k < cps.size() && IsChineseNumeral(cps[k])) ++k;
    if (k > i + 1 && k < cps.size() && (cps[k] == U'）' || cps[k] == U')')) return 3;
    return 0;
  }
  // 1、 / 1. (not 1.5 or a year)
  if (cps[i] >= '0' && cps[i] <= '9') {
    std::size_t k = i;
    while (k < cps.size() && cps[k] >= '0' && cps[k] <= '9') ++k;
    if (k - i > 2 || k >= cps.size()) return 0;
    if (cps[k] == U'、') return 4;
    if ((cps[k] == '.' || cps[k] == U'．') && k + 1 < cps.size() &&
        !(cps[k + 1] >= '0' && cps[k + 1] <= '9'))
      return 4;
  }
  return 0;
}

PageLayout LayoutPage(const PageContent& page, const std::vector<bool>& consumed) {
  PageLayout out;
  std::vector<int> indices;
  indices.reserve(page.glyphs.size());
  for (std::size_t i = 0; i < page.glyphs.size(); ++i) {
    if (i < consumed.size() && consumed[i]) continue;
    indices.push_back(static_cast<int>(i));
  }
  if (indices.empty()) return out;
  std::vector<TextLine> lines = BuildLines(page.glyphs, indices);

  const double width = page.page.width > 0 ? page.page.width : 1;
  const double height = page.page.height > 0 ? page.page.height : 1;
  std::vector<double> sizes;
  for (const TextLine& line : lines)
    sizes.insert(sizes.end(), static_cast<std::size_t>(line.glyph_count), line.font_size);
  const double body_size = std::max(1.0, Median(sizes));

  auto make_paragraph = [&](const TextLine& line) {
    Paragraph p;
    p.text = line.text;
    p.provenance.page = page.page.number;
    p.provenance.box = line.box;
    p.provenance.origin = TextOrigin::kTextLayer;
    return p;
  };

  // Furniture first: short lines in the top or bottom band that are page
  // numbers or set smaller than the body (running heads). Table titles near
  // the top are set larger, so they stay in the body.
  // A line of digits right under a line that ends where it ends is the rest
  // of amounts wrapped in narrow cells (`合计 6,451,630.1 4,894,298.8` over
  // `0 3`, a table's last row at the page foot read as text, s2w_0047_budget),
  // not a page number: a page number stands apart from the text above it.
  // Taken as furniture, the rests were lost and the row read 4,894,298.80.
  // The amount it completes need not end the line above: a rest under the
  // first of two amounts (`合计 3,911,931. 3,911,931.17` over `17`, a table's
  // only row at the page foot, its body on the next page) ends where that
  // amount's last digit or point ends (a glyph in the middle of an amount,
  // another set tight after it, is no amount's end).
  auto amount_glyph_ends_at = [&](const TextLine& above, double x1) {
    const auto in_above = [&](const Glyph& glyph) {
      const double y = (glyph.box.y0 + glyph.box.y1) / 2;
      return y >= above.box.y0 && y <= above.box.y1;
    };
    return std::any_of(indices.begin(), indices.end(), [&](int index) {
      const Glyph& glyph = page.glyphs[static_cast<std::size_t>(index)];
      if (!in_above(glyph) || std::abs(glyph.box.x1 - x1) > 1.5) return false;
      if (!unruled::IsDigitPiece(Squeeze(glyph.text))) return false;
      const double tight = 0.3 * std::max(1.0, glyph.box.y1 - glyph.box.y0);
      return std::none_of(indices.begin(), indices.end(), [&](int other) {
        const Glyph& next = page.glyphs[static_cast<std::size_t>(other)];
        return other != index && in_above(next) && next.box.x0 >= glyph.box.x1 - 0.5 &&
               next.box.x0 <= glyph.box.x1 + tight && !Squeeze(next.text).empty();
      });
    });
  };
  // Digits alone, spaced or not (`17`, `0 3`): a page number printed with
  // dashes (`— 26 —`) under a paragraph is never a rest.
  auto digits_only = [](const TextLine& line) { return unruled::IsDigitPiece(Squeeze(line.text)); };
  auto wrapped_rest = [&](const TextLine& line) {
    for (const TextLine& above : lines) {
      if (&above == &line || above.rotation != 0 || above.box.y1 > line.box.y0) continue;
      const double gap = line.box.y0 - above.box.y1;
      if (gap < 0.5 * (line.box.y1 - line.box.y0) && line.box.x0 > above.box.x0 &&
          (std::abs(above.box.x1 - line.box.x1) <= 1.5 ||
           (digits_only(line) && amount_glyph_ends_at(above, line.box.x1)))) {
        return true;
      }
    }
    return false;
  };
  std::vector<const TextLine*> body;
  body.reserve(lines.size());
  for (const TextLine& line : lines) {
    const bool top = line.box.y1 <= 0.07 * height;
    const bool bottom = line.box.y0 >= 0.93 * height;
    const bool low = line.box.y0 >= 0.85 * height;
    const bool short_line = DecodeUtf8(line.text).size() <= 30;
    const bool page_number = IsPageNumberText(line.text) && !wrapped_rest(line);
    if (line.rotation == 0 &&
        ((page_number && (top || low)) ||
         ((top || bottom) && short_line && line.font_size <= 0.9 * body_size))) {
      out.furniture.push_back(make_paragraph(line));
      continue;
    }
    body.push_back(&line);
  }
  if (body.empty()) return out;

  // Right edge of the text column: lines reaching it are wrapped, lines
  // ending well before it close their paragraph.
  double column_right = 0, column_left = width;
  for (const TextLine* line : body) {
    if (line->rotation != 0) continue;
    column_right = std::max(column_right, line->box.x1);
    column_left = std::min(column_left, line->box.x0);
  }

  // A line ending short of the type area closes its paragraph. On a page of
  // tables the few text lines do not show where the type area ends (a note
  // under one table, "注：…误差。", then the next table's title, read as one
  // paragraph that hid the title): the tables' glyphs reach it.
  double type_right = column_right;
  for (std::size_t i = 0; i < page.glyphs.size() && i < consumed.size(); ++i) {
    if (consumed[i] && page.glyphs[i].rotation == 0) {
      type_right = std::max(type_right, std::min(page.glyphs[i].box.x1, width));
    }
  }

  auto is_heading_line = [&](const TextLine& line) {
    const std::size_t chars = DecodeUtf8(line.text).size();
    if (chars > 40) return 0;
    if (line.font_size >= 1.35 * body_size) return 1;
    // Centred means inset on both sides of the text column by about the same
    // amount; a full line with symmetric page margins is not a title. The
    // column is at least the usual type area, so a lone cover title counts.
    const double left_inset = line.box.x0 - std::min(column_left, 0.12 * width);
    const double right_inset = std::max(column_right, 0.88 * width) - line.box.x1;
    const bool centered = left_inset > 3 * body_size && right_inset > 3 * body_size &&
                          std::fabs(left_inset - right_inset) < 2.5 * body_size;
    if (centered && line.font_size >= 1.1 * body_size) return 1;
    if (line.font_size >= 1.15 * body_size) return 2;
    // Headings do not end a sentence; a short list item such as
    // "（十）完成区委交办的其他任务。" is body text.
    const char32_t last = LastCodePoint(line.text);
    if (last == U'。' || last == U'；' || last == U';' || last == U'，') return 0;
    const int mark = HeadingMarkLevel(line.text);
    if (mark > 0 && line.box.x1 < column_right - 2 * line.font_size) return mark;
    if (centered) return 2;
    // A short bold line that stops before the column edge is a run-in title.
    if (line.bold_like && chars <= 30 && line.box.x1 < column_right - 2 * line.font_size) return 2;
    return 0;
  };

  Paragraph current;
  const TextLine* previous = nullptr;
  bool current_is_heading = false;
  auto flush = [&]() {
    if (current.text.empty()) return;
    out.paragraphs.push_back(std::move(current));
    current = Paragraph();
    current_is_heading = false;
  };
  for (const TextLine* line : body) {
    const int heading = line->rotation == 0 ? is_heading_line(*line) : 0;
    bool new_paragraph = previous == nullptr || heading > 0 || current_is_heading ||
                         line->rotation != previous->rotation;
    if (!new_paragraph) {
      const double em = std::max(1.0, line->font_size);
      const double line_h = std::max(previous->box.height(), line->box.height());
      const double gap = line->box.y0 - previous->box.y1;
      new_paragraph = gap > 1.2 * line_h || gap < -0.5 * line_h ||
                      line->box.x0 > previous->box.x0 + 1.2 * em ||  // first-line indent
                      (previous->box.x1 < type_right - 2.5 * em &&   // previous line ended short
                       !StartsWithAmount(line->text)) ||
                      HeadingMarkLevel(line->text) > 0 || StartsWithTableNumber(line->text) ||
                      (EndsSentence(previous->text) && IsCaptionLine(line->text)) ||
                      std::fabs(line->font_size - previous->font_size) > 0.2 * em;
    }
    if (new_paragraph) {
      flush();
      current = make_paragraph(*line);
      if (heading > 0) {
        current.role = ParagraphRole::kHeading;
        current.heading_level = heading;
        current_is_heading = true;
      }
    } else {
      // Wrapped CJK lines join without a space; Latin words need one.
      if (IsLatinOrDigit(LastCodePoint(current.text)) && IsLatinOrDigit(FirstCodePoint(line->text)))
        current.text += ' ';
      current.text += line->text;
      current.provenance.box = Union(*current.provenance.box, line->box);
    }
    previous = line;
  }
  flush();
  return out;
}

PageAnalysis AnalyzePage(PageContent& content) {
  PageAnalysis analysis;
  DedupeFakeBold(content.glyphs);
  const std::vector<std::vector<Glyph>> overprinted = TakeOverprintedHeaders(content.glyphs);
  content.page.glyph_count = static_cast<int>(content.glyphs.size());
  content.page.undecodable_glyph_count = static_cast<int>(std::count_if(
      content.glyphs.begin(), content.glyphs.end(), [](const Glyph& g) { return g.undecodable; }));
  analysis.tables = DetectTables(content);
  std::vector<bool> consumed(content.glyphs.size(), false);
  for (const DetectedTable& table : analysis.tables) {
    for (int index : table.glyph_indices) {
      if (index >= 0 && static_cast<std::size_t>(index) < consumed.size()) consumed[index] = true;
    }
  }
  analysis.layout = LayoutPage(content, consumed);
  // The header taken off a row is its table's header printed again: kept as furniture, as a
  // repeated header set aside is.
  for (const std::vector<Glyph>& line : overprinted) {
    Paragraph repeated;
    repeated.provenance.page = content.page.number;
    repeated.provenance.origin = content.page.text_origin;
    Box box = line.front().box;
    std::vector<const Glyph*> by_x;
    for (const Glyph& glyph : line) {
      box = Union(box, glyph.box);
      by_x.push_back(&glyph);
    }
    std::sort(by_x.begin(), by_x.end(),
              [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
    double right = by_x.front()->box.x0;
    for (const Glyph* glyph : by_x) {
      if (!repeated.text.empty() && glyph->box.x0 - right > std::max(1.0, glyph->box.height())) {
        repeated.text += ' ';
      }
      repeated.text += glyph->text;
      right = std::max(right, glyph->box.x1);
    }
    repeated.provenance.box = box;
    analysis.layout.furniture.push_back(std::move(repeated));
  }
  return analysis;
}

namespace {

struct PendingBlock {
  double top = 0;
  Block block;
};

}  // namespace

// Orders one page's tables and paragraphs by their top edge and appends them.
void AppendPageBlocks(int page_number, PageAnalysis& analysis, Document& doc) {
  std::vector<PendingBlock> pending;
  for (DetectedTable& detected : analysis.tables) {
    Table table = std::move(detected.table);
    table.provenance.page = page_number;
    table.provenance.box = detected.box;
    table.provenance.origin = TextOrigin::kTextLayer;
    table.pages = {page_number};
    pending.push_back({detected.box.y0, Block{std::move(table)}});
  }
  for (Paragraph& paragraph : analysis.layout.paragraphs) {
    const double top = paragraph.provenance.box ? paragraph.provenance.box->y0 : 0;
    pending.push_back({top, Block{std::move(paragraph)}});
  }
  std::stable_sort(pending.begin(), pending.end(),
                   [](const PendingBlock& a, const PendingBlock& b) { return a.top < b.top; });
  for (PendingBlock& item : pending) {
    const int index = static_cast<int>(doc.blocks.size());
    if (Paragraph* paragraph = item.block.AsParagraph()) {
      paragraph->provenance.block = index;
    } else if (Table* table = item.block.AsTable()) {
      table->provenance.block = index;
      for (TableCell& cell : table->cells) {
        cell.provenance.block = index;
        if (cell.provenance.page == 0) cell.provenance.page = page_number;
        cell.provenance.row = cell.row;
        cell.provenance.column = cell.column;
      }
    }
    doc.blocks.push_back(std::move(item.block));
  }
  for (Paragraph& paragraph : analysis.layout.furniture)
    doc.furniture.push_back(std::move(paragraph));
}

namespace {

// A paragraph's text as running heads are compared: no whitespace, digits as
// '#' ("第3页" repeats as "第#页"). `ends`, when given, receives for each kept
// code point the normalized size and the byte offset in `text` after it.
std::string HeadText(std::string_view text,
                     std::vector<std::pair<std::size_t, std::size_t>>* ends = nullptr) {
  std::string normalized;
  std::size_t offset = 0;
  for (char32_t code_point : DecodeUtf8(text)) {
    offset += EncodeUtf8(code_point).size();
    if (IsUnicodeSpace(code_point)) continue;
    if (code_point >= U'0' && code_point <= U'9') code_point = U'#';
    AppendUtf8(normalized, code_point);
    if (ends != nullptr) ends->emplace_back(normalized.size(), offset);
  }
  return normalized;
}

// A running head set close above the first line is joined to it as one
// paragraph ("…部门决算公开住房保障支出明细如下："): the head's text is cut
// off the paragraph's start and kept as furniture.
void StripRunningHeadPrefix(Document& doc, const std::vector<std::string>& top_heads,
                            Paragraph& paragraph) {
  const Provenance& where = paragraph.provenance;
  if (top_heads.empty() || !where.box || where.page < 1 || where.page > doc.page_count()) return;
  const double height = doc.pages[static_cast<std::size_t>(where.page - 1)].height;
  if (where.box->y0 > 0.1 * height) return;
  std::vector<std::pair<std::size_t, std::size_t>> ends;  // normalized size, original offset
  const std::string normalized = HeadText(paragraph.text, &ends);
  for (const std::string& head : top_heads) {
    if (normalized.size() <= head.size() || !StartsWith(normalized, head)) continue;
    for (const auto& [normalized_size, original_offset] : ends) {
      if (normalized_size != head.size()) continue;
      Paragraph furniture;
      furniture.text = Trim(std::string_view(paragraph.text).substr(0, original_offset));
      furniture.provenance = paragraph.provenance;
      furniture.provenance.block = -1;
      doc.furniture.push_back(std::move(furniture));
      paragraph.text = Trim(std::string_view(paragraph.text).substr(original_offset));
      return;
    }
  }
}

}  // namespace

void MoveRepeatedRunningHeads(Document& doc) {
  const int page_count = doc.page_count();
  if (page_count < 3) return;
  // Key of a paragraph that may be a running head: band + text without
  // whitespace, digits as '#'; empty when it cannot be one.
  auto head_key = [&doc](const Paragraph& paragraph) -> std::string {
    const Provenance& where = paragraph.provenance;
    if (!where.box || where.page < 1 || where.page > doc.page_count()) return {};
    if (paragraph.text.find('\n') != std::string::npos) return {};
    const double height = doc.pages[static_cast<std::size_t>(where.page - 1)].height;
    if (height <= 0) return {};
    std::string band;
    if (where.box->y1 <= 0.1 * height) {
      band = "top:";
    } else if (where.box->y0 >= 0.9 * height) {
      band = "bottom:";
    } else {
      return {};
    }
    const std::string key = HeadText(paragraph.text);
    if (key.empty()) return {};
    return band + key;
  };
  std::map<std::string, std::set<int>> pages_of;
  for (const Block& block : doc.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      const std::string key = head_key(*paragraph);
      if (!key.empty()) pages_of[key].insert(paragraph->provenance.page);
    }
  }
  auto repeated = [&](const std::string& key) {
    auto found = pages_of.find(key);
    if (found == pages_of.end()) return false;
    const int pages = static_cast<int>(found->second.size());
    return pages >= 3 && 2 * pages >= page_count;
  };
  bool any = false;
  for (const auto& [key, pages] : pages_of) any = any || repeated(key);
  if (!any) return;

  std::vector<std::string> top_heads;  // normalized texts of the repeated top heads
  for (const auto& [key, pages] : pages_of) {
    if (repeated(key) && StartsWith(key, "top:")) top_heads.push_back(key.substr(4));
  }
  std::vector<Block> kept;
  kept.reserve(doc.blocks.size());
  for (Block& block : doc.blocks) {
    Paragraph* paragraph = block.AsParagraph();
    if (paragraph != nullptr && repeated(head_key(*paragraph))) {
      paragraph->provenance.block = -1;
      doc.furniture.push_back(std::move(*paragraph));
      continue;
    }
    if (paragraph != nullptr) StripRunningHeadPrefix(doc, top_heads, *paragraph);
    kept.push_back(std::move(block));
  }
  // Block indices changed: renumber every reference to them.
  std::vector<int> new_index(doc.blocks.size(), -1);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const int index = static_cast<int>(i);
    if (Paragraph* paragraph = kept[i].AsParagraph()) {
      new_index[static_cast<std::size_t>(paragraph->provenance.block)] = index;
      paragraph->provenance.block = index;
    } else if (Table* table = kept[i].AsTable()) {
      new_index[static_cast<std::size_t>(table->provenance.block)] = index;
      table->provenance.block = index;
      for (TableCell& cell : table->cells) cell.provenance.block = index;
    }
  }
  for (Block& block : kept) {
    if (Table* table = block.AsTable(); table != nullptr && table->parent) {
      table->parent->block = new_index[static_cast<std::size_t>(table->parent->block)];
    }
  }
  doc.blocks = std::move(kept);
  std::stable_sort(doc.furniture.begin(), doc.furniture.end(),
                   [](const Paragraph& a, const Paragraph& b) {
                     if (a.provenance.page != b.provenance.page)
                       return a.provenance.page < b.provenance.page;
                     const double a_top = a.provenance.box ? a.provenance.box->y0 : 0;
                     const double b_top = b.provenance.box ? b.provenance.box->y0 : 0;
                     return a_top < b_top;
                   });
}

namespace {

constexpr double kEdgeTolerance = 1.5;  // points between two rules meant to be one

// `edges` sorted, with edges closer than kEdgeTolerance taken as one.
std::vector<double> MergeEdges(std::vector<double> edges) {
  std::sort(edges.begin(), edges.end());
  std::vector<double> merged;
  for (double edge : edges) {
    if (merged.empty() || edge - merged.back() > kEdgeTolerance) merged.push_back(edge);
  }
  return merged;
}

// The x edges of a ruled table's columns, from its cells' boxes.
std::vector<double> ColumnEdges(const Table& table) {
  std::vector<double> edges;
  for (const TableCell& cell : table.cells) {
    if (!cell.provenance.box) return {};
    edges.push_back(cell.provenance.box->x0);
    edges.push_back(cell.provenance.box->x1);
  }
  return MergeEdges(std::move(edges));
}

int EdgeIndex(const std::vector<double>& edges, double x) {
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (std::abs(edges[i] - x) <= kEdgeTolerance) return static_cast<int>(i);
  }
  return -1;
}

// Re-anchors every cell on `edges` (a superset of the table's own column
// edges): a cell crossing an edge it did not have gains a column of span.
bool RegridColumns(Table& table, const std::vector<double>& edges) {
  std::vector<TableCell> cells = table.cells;
  for (TableCell& cell : cells) {
    const int first = EdgeIndex(edges, cell.provenance.box->x0);
    const int last = EdgeIndex(edges, cell.provenance.box->x1);
    if (first < 0 || last <= first) return false;
    cell.column = first;
    cell.column_span = last - first;
    cell.provenance.column = first;
  }
  std::sort(cells.begin(), cells.end(), [](const TableCell& a, const TableCell& b) {
    return std::pair(a.row, a.column) < std::pair(b.row, b.column);
  });
  table.cells = std::move(cells);
  table.column_count = static_cast<int>(edges.size()) - 1;
  return true;
}

// Word draws each page's part of a table with the rules that part needs: a
// header cut by the page break (科目编码 over 类 | 款 | 项 on the next page)
// leaves the first part with fewer columns. When both parts span the same
// width, both are re-anchored on the union of their column edges.
bool AlignContinuationColumns(Table& upper, Table& lower) {
  if (!upper.ruled || !lower.ruled) return false;
  const std::vector<double> upper_edges = ColumnEdges(upper);
  const std::vector<double> lower_edges = ColumnEdges(lower);
  if (upper_edges.size() < 2 || lower_edges.size() < 2) return false;
  if (std::abs(upper_edges.front() - lower_edges.front()) > kEdgeTolerance ||
      std::abs(upper_edges.back() - lower_edges.back()) > kEdgeTolerance) {
    return false;
  }
  std::vector<double> edges = upper_edges;
  edges.insert(edges.end(), lower_edges.begin(), lower_edges.end());
  const std::vector<double> merged = MergeEdges(std::move(edges));
  Table upper_copy = upper;
  Table lower_copy = lower;
  if (!RegridColumns(upper_copy, merged) || !RegridColumns(lower_copy, merged)) return false;
  upper = std::move(upper_copy);
  lower = std::move(lower_copy);
  return true;
}

// No cell reads like an amount (a digit beside a point or a separator):
// header rows, 栏次 numbers included.
bool HoldsNoAmount(const Table& table) {
  for (const TableCell& cell : table.cells) {
    bool digit = false, mark = false;
    for (char c : cell.text) {
      digit = digit || (c >= '0' && c <= '9');
      mark = mark || c == '.' || c == ',';
    }
    if (digit && mark) return false;
  }
  return true;
}

}  // namespace

// A table ending near the bottom of a page, followed by a page that opens
// with a table of the same width, probably continues there. The normalizer
// decides whether to stitch; we only mark the candidates.
void MarkContinuations(Document& doc) {
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    Table* table = doc.blocks[i].AsTable();
    if (table == nullptr || !table->provenance.box) continue;
    const int page = table->provenance.page;
    if (page < 1 || page > doc.page_count()) continue;
    // Only the last block of its page can run off it.
    if (i + 1 < doc.blocks.size()) {
      const Block& after = doc.blocks[i + 1];
      const Provenance& p =
          after.AsTable() ? after.AsTable()->provenance : after.AsParagraph()->provenance;
      if (p.page == page) continue;
    }
    const double height = doc.pages[page - 1].height;
    // A table holding only its header continues wherever it ends: Word and
    // LibreOffice move the body to the next page when its first row will not
    // fit (yuxi landscape render, shift 10: two header rows alone on a page).
    if (table->provenance.box->y1 < 0.85 * height && !HoldsNoAmount(*table)) continue;
    if (i + 1 >= doc.blocks.size()) continue;
    Table* next = doc.blocks[i + 1].AsTable();
    if (next == nullptr || next->provenance.page != page + 1) continue;
    if (next->column_count != table->column_count && !AlignContinuationColumns(*table, *next))
      continue;
    table->continues_on_next_page = true;
    next->continued_from_previous_page = true;
  }
}

}  // namespace disclose::pdf
