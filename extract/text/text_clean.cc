// Inline cleaning of text/markdown exports: the pollution real exports carry
// (Word bookmarks, stray HTML, entities, LaTeX math from PDF-to-markdown tools)
// is removed so downstream matching sees the text as printed.
//
// Every pass is a single left-to-right scan with bounded look-ahead, so the
// cost stays linear in the line length whatever the input (fuzzed).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/text/text_internal.h"

namespace disclose::text_internal {
namespace {

// Text plus a per-byte flag: bytes produced by an earlier pass (decoded math,
// escaped characters, entities) are literal and later passes leave them alone,
// so "\*" never becomes emphasis and "&lt;b&gt;" never becomes a tag.
struct Marked {
  std::string text;
  std::vector<std::uint8_t> literal;

  void Append(std::string_view piece, bool is_literal) {
    text.append(piece);
    literal.insert(literal.end(), piece.size(), is_literal ? 1 : 0);
  }
  void Append(char c, bool is_literal) {
    text.push_back(c);
    literal.push_back(is_literal ? 1 : 0);
  }
};

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiAlnum(char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c);
}
bool IsAsciiPunct(char c) {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) ||
         (c >= 0x7b && c <= 0x7e);
}
char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view LatexCommand(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kCommands{{
      {"geq", "≥"},
      {"ge", "≥"},
      {"leq", "≤"},
      {"le", "≤"},
      {"times", "×"},
      {"div", "÷"},
      {"pm", "±"},
      {"cdot", "·"},
      {"approx", "≈"},
      {"neq", "≠"},
      {"ne", "≠"},
      {"sim", "~"},
      {"quad", " "},
      {"qquad", " "},
      {"left", ""},
      {"right", ""},
  }};
  for (const auto& [command, replacement] : kCommands) {
    if (command == name) return replacement;
  }
  return {};
}

bool IsTextCommand(std::string_view name) {
  return name == "text" || name == "mathrm" || name == "textrm" || name == "mathbf" ||
         name == "textbf" || name == "rm" || name == "mbox" || name == "operatorname";
}

// Math content to plain text. Spaces in math mode carry no meaning, so they
// are dropped, except inside \text{…}.
std::string ConvertLatex(std::string_view math) {
  std::string out;
  int text_depth = 0;  // inside \text{…}: keep spaces
  int brace_depth = 0;
  std::vector<int> text_braces;  // brace depths at which a \text{ group opened
  for (std::size_t i = 0; i < math.size(); ++i) {
    const char c = math[i];
    if (c == '\\') {
      if (i + 1 >= math.size()) break;
      const char next = math[i + 1];
      if (IsAsciiAlpha(next)) {
        std::size_t end = i + 1;
        while (end < math.size() && IsAsciiAlpha(math[end])) ++end;
        const std::string_view name = math.substr(i + 1, end - i - 1);
        i = end - 1;
        if (IsTextCommand(name)) {
          if (end < math.size() && math[end] == '{') {
            ++brace_depth;
            text_braces.push_back(brace_depth);
            ++text_depth;
            i = end;
          }
          continue;
        }
        const std::string_view replacement = LatexCommand(name);
        if (!replacement.empty() || name == "left" || name == "right") {
          out.append(replacement);
        } else {
          out.append(name);  // unknown command: keep its name rather than lose text
        }
        continue;
      }
      // \% \{ \} \$ \_ \& \#: the character itself; \, \; \! \  are spacing.
      if (next == ',' || next == ';' || next == '!' || next == ':') {
        ++i;
        continue;
      }
      if (next == ' ') {
        if (text_depth > 0) out.push_back(' ');
        ++i;
        continue;
      }
      out.push_back(next);
      ++i;
      continue;
    }
    if (c == '{') {
      ++brace_depth;
      continue;
    }
    if (c == '}') {
      if (!text_braces.empty() && text_braces.back() == brace_depth) {
        text_braces.pop_back();
        --text_depth;
      }
      if (brace_depth > 0) --brace_depth;
      continue;
    }
    if ((c == ' ' || c == '\t') && text_depth == 0) continue;
    out.push_back(c);
  }
  return out;
}

// $…$ is math only when it plausibly is: ASCII, short, and either carries a
// backslash command or is nothing but digits and operators ($<=57194.15$).
bool LooksLikeMath(std::string_view content) {
  if (content.empty() || content.size() > 200) return false;
  bool has_backslash = false;
  bool operators_only = true;
  for (char c : content) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c == '\\') has_backslash = true;
    if (!(IsAsciiDigit(c) || c == '.' || c == ',' || c == '%' || c == '<' || c == '>' || c == '=' ||
          c == '+' || c == '-' || c == '*' || c == '/' || c == ' ' || c == '(' || c == ')')) {
      operators_only = false;
    }
  }
  return has_backslash || operators_only;
}

Marked PassMath(std::string_view line) {
  Marked out;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {  // keep escapes for the escape pass
      out.Append(line.substr(i, 2), false);
      i += 2;
      continue;
    }
    if (c == '$') {
      const std::size_t close = line.find('$', i + 1);
      if (close != std::string_view::npos && close - i - 1 <= 200) {
        const std::string_view content = line.substr(i + 1, close - i - 1);
        if (LooksLikeMath(content)) {
          out.Append(ConvertLatex(content), true);
          i = close + 1;
          continue;
        }
      }
    }
    out.Append(c, false);
    ++i;
  }
  return out;
}

bool IsKnownHtmlTag(std::string_view name, bool* line_break) {
  static constexpr std::array<std::string_view, 13> kBreaking{
      "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table"};
  static constexpr std::array<std::string_view, 28> kInline{
      "span", "sup", "sub", "b",    "i",    "u",   "s",          "strong", "em",     "font",
      "a",    "img", "ul",  "ol",   "td",   "th",  "tbody",      "thead",  "center", "small",
      "big",  "del", "ins", "mark", "code", "pre", "blockquote", "section"};
  for (std::string_view tag : kBreaking) {
    if (tag == name) {
      *line_break = true;
      return true;
    }
  }
  for (std::string_view tag : kInline) {
    if (tag == name) {
      *line_break = false;
      return true;
    }
  }
  return false;
}

// Length of an HTML tag or comment starting at `i` ('<'), or 0 when it is not one
// (so "<=100" and "$<$" survive).
std::size_t HtmlTagLength(const Marked& in, std::size_t i, bool* line_break) {
  const std::string& s = in.text;
  if (s.compare(i, 4, "<!--") == 0) {
    // Bounded search: many unclosed "<!--" must not make the pass quadratic.
    const std::size_t end =
        std::string_view(s).substr(0, std::min(s.size(), i + 2000)).find("-->", i + 4);
    if (end == std::string::npos) return 0;
    *line_break = false;
    return end + 3 - i;
  }
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  const std::size_t name_begin = j;
  while (j < s.size() && IsAsciiAlnum(s[j]) && j - name_begin < 16) ++j;
  if (j == name_begin || !IsAsciiAlpha(s[name_begin])) return 0;
  std::string name;
  for (std::size_t k = name_begin; k < j; ++k) name.push_back(Lower(s[k]));
  if (!IsKnownHtmlTag(name, line_break)) return 0;
  // Attributes up to '>' on the same line, bounded.
  const std::size_t limit = std::min(s.size(), i + 400);
  while (j < limit && s[j] != '>' && s[j] != '<') ++j;
  if (j >= limit || s[j] != '>') return 0;
  for (std::size_t k = i; k <= j; ++k) {
    if (in.literal[k]) return 0;
  }
  return j + 1 - i;
}

Marked PassHtml(const Marked& in) {
  Marked out;
  const std::string& s = in.text;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '<' && !in.literal[i]) {
      bool line_break = false;
      const std::size_t length = HtmlTagLength(in, i, &line_break);
      if (length > 0) {
        if (line_break) out.Append('\n', true);
        i += length;
        continue;
      }
    }
    out.Append(s[i], in.literal[i] != 0);
    ++i;
  }
  return out;
}

Marked PassEscapes(const Marked& in) {
  Marked out;
  const std::string& s = in.text;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '\\' && !in.literal[i] && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
      out.Append(s[i + 1], true);
      i += 2;
      continue;
    }
    out.Append(s[i], in.literal[i] != 0);
    ++i;
  }
  return out;
}

bool IsSpaceAt(const std::string& s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n') return true;
  // U+3000 ideographic space, U+00A0.
  if (c == 0xE3 && s.compare(i, 3, "\xE3\x80\x80") == 0) return true;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return true;
  return false;
}

bool IsSpaceBefore(const std::string& s, std::size_t i) {
  // i > 0; look at the byte just before (continuation bytes are never spaces
  // except the tails of U+3000 / U+00A0).
  const unsigned char c = static_cast<unsigned char>(s[i - 1]);
  if (c == ' ' || c == '\t' || c == '\n') return true;
  if (i >= 3 && s.compare(i - 3, 3, "\xE3\x80\x80") == 0) return true;
  if (i >= 2 && c == 0xA0 && static_cast<unsigned char>(s[i - 2]) == 0xC2) return true;
  return false;
}

// Markdown emphasis: delimiter runs of '*' or '_' that open (followed by
// non-space) are paired with the next run that closes (preceded by
// non-space). '_' inside a word (snake_case, codes) never delimits.
Marked PassEmphasis(const Marked& in) {
  const std::string& s = in.text;
  struct Run {
    std::size_t begin, length;
    char c;
  };
  std::vector<Run> runs;
  std::vector<std::uint8_t> remove(s.size(), 0);
  std::vector<std::size_t> open_star, open_under;  // indices into runs
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if ((c != '*' && c != '_') || in.literal[i]) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && s[end] == c && !in.literal[end]) ++end;
    const bool space_before = i == 0 || IsSpaceBefore(s, i);
    const bool space_after = end >= s.size() || IsSpaceAt(s, end);
    bool can_open = !space_after;
    bool can_close = !space_before;
    if (c == '_') {
      const bool alnum_before = i > 0 && IsAsciiAlnum(s[i - 1]);
      const bool alnum_after = end < s.size() && IsAsciiAlnum(s[end]);
      if (alnum_before) can_open = false;
      if (alnum_after) can_close = false;
    }
    runs.push_back({i, end - i, c});
    const std::size_t index = runs.size() - 1;
    std::vector<std::size_t>& stack = c == '*' ? open_star : open_under;
    if (can_close && !stack.empty()) {
      const Run& opener = runs[stack.back()];
      const std::size_t take = std::min(opener.length, end - i);
      for (std::size_t k = 0; k < take; ++k) {
        remove[opener.begin + opener.length - 1 - k] = 1;
        remove[i + k] = 1;
      }
      stack.pop_back();
    } else if (can_open) {
      stack.push_back(index);
    }
    i = end;
  }
  Marked out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!remove[i]) out.Append(s[i], in.literal[i] != 0);
  }
  return out;
}

std::string_view NamedEntity(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kEntities{{
      {"nbsp", " "},  {"amp", "&"},    {"lt", "<"},     {"gt", ">"},     {"quot", "\""},
      {"apos", "'"},  {"ensp", " "},   {"emsp", " "},   {"thinsp", " "}, {"mdash", "—"},
      {"ndash", "–"}, {"hellip", "…"}, {"times", "×"},  {"divide", "÷"}, {"ge", "≥"},
      {"le", "≤"},    {"yen", "¥"},    {"middot", "·"}, {"ldquo", "“"},  {"rdquo", "”"},
      {"lsquo", "‘"}, {"rsquo", "’"},  {"deg", "°"},    {"plusmn", "±"}, {"percnt", "%"},
  }};
  for (const auto& [entity, text] : kEntities) {
    if (entity == name) return text;
  }
  return {};
}

Marked PassEntities(const Marked& in) {
  Marked out;
  const std::string& s = in.text;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&' && !in.literal[i]) {
      const std::size_t semicolon = s.find(';', i + 1);
      if (semicolon != std::string::npos && semicolon - i <= 10 && semicolon > i + 1) {
        const std::string_view body(s.data() + i + 1, semicolon - i - 1);
        if (body[0] == '#') {
          std::uint32_t value = 0;
          bool ok = body.size() > 1;
          const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
          for (std::size_t k = hex ? 2 : 1; ok && k < body.size(); ++k) {
            const char d = body[k];
            int digit = -1;
            if (IsAsciiDigit(d)) digit = d - '0';
            if (hex && d >= 'a' && d <= 'f') digit = d - 'a' + 10;
            if (hex && d >= 'A' && d <= 'F') digit = d - 'A' + 10;
            if (digit < 0 || value > 0x10FFFF)
              ok = false;
            else
              value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
          }
          if (hex && body.size() == 2) ok = false;
          if (ok) {
            if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
              out.Append("\xEF\xBF\xBD", true);  // U+FFFD
            } else if (value >= 0x20 || value == '\t') {
              out.Append(EncodeUtf8(static_cast<char32_t>(value)), true);
            }
            i = semicolon + 1;
            continue;
          }
        } else {
          const std::string_view text = NamedEntity(body);
          if (!text.empty()) {
            out.Append(text, true);
            i = semicolon + 1;
            continue;
          }
        }
      }
    }
    out.Append(s[i], in.literal[i] != 0);
    ++i;
  }
  return out;
}

}  // namespace

std::string StripBookmarks(std::string_view line) {
  static constexpr std::string_view kOpen = "[bookmark:";
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t open = line.find(kOpen, i);
    if (open == std::string_view::npos) break;
    const std::size_t close = line.find(']', open + kOpen.size());
    if (close == std::string_view::npos) break;
    out.append(line.substr(i, open - i));
    i = close + 1;
  }
  out.append(line.substr(i));
  return out;
}

std::string CleanInline(std::string_view line, bool markdown) {
  const std::string without_bookmarks = StripBookmarks(line);
  Marked marked = PassMath(without_bookmarks);
  marked = PassHtml(marked);
  marked = PassEscapes(marked);
  if (markdown) marked = PassEmphasis(marked);
  marked = PassEntities(marked);
  return std::move(marked.text);
}

LineMarks StripLineMarks(std::string_view line, bool markdown) {
  LineMarks marks;
  std::string rest = Trim(line);
  // Blockquote: '>' followed by a space, another '>' or nothing (not ">=90%").
  while (!rest.empty() && rest[0] == '>' &&
         (rest.size() == 1 || rest[1] == ' ' || rest[1] == '>' || rest[1] == '\t')) {
    marks.quote = true;
    rest = Trim(std::string_view(rest).substr(1));
  }
  if (markdown && !rest.empty() && rest[0] == '#') {
    std::size_t hashes = 0;
    while (hashes < rest.size() && rest[hashes] == '#') ++hashes;
    if (hashes <= 6 && (hashes == rest.size() || rest[hashes] == ' ' || rest[hashes] == '\t')) {
      marks.heading_level = static_cast<int>(hashes);
      std::string body = Trim(std::string_view(rest).substr(hashes));
      // Closing sequence "## Title ##".
      std::size_t end = body.size();
      while (end > 0 && body[end - 1] == '#') --end;
      if (end < body.size() && (end == 0 || body[end - 1] == ' ')) body = Trim(body.substr(0, end));
      marks.rest = body;
      return marks;
    }
  }
  if (rest.size() >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') &&
      (rest[1] == ' ' || rest[1] == '\t')) {
    marks.list_item = true;
    rest = Trim(std::string_view(rest).substr(2));
  } else if (markdown) {
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 4 && IsAsciiDigit(rest[digits])) ++digits;
    if (digits > 0 && digits <= 3 && digits + 1 < rest.size() &&
        (rest[digits] == '.' || rest[digits] == ')') &&
        (rest[digits + 1] == ' ' || rest[digits + 1] == '\t')) {
      marks.list_item = true;
      rest = Trim(std::string_view(rest).substr(digits + 2));
    }
  }
  marks.rest = std::move(rest);
  return marks;
}

bool IsBlankLine(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return false;
  return Trim(StripBookmarks(line)).empty();
}

char32_t FirstCodePoint(std::string_view text) {
  const std::vector<char32_t> points =
      DecodeUtf8(text.substr(0, std::min<std::size_t>(4, text.size())));
  return points.empty() ? 0 : points.front();
}

char32_t LastCodePoint(std::string_view text) {
  std::size_t start = text.size();
  int steps = 0;
  while (start > 0 && steps < 4) {
    --start;
    ++steps;
    if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) break;
  }
  const std::vector<char32_t> points = DecodeUtf8(text.substr(start));
  return points.empty() ? 0 : points.back();
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace disclose::text_internal
