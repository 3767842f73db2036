// WalkHtml: libxml2's HTML parser in SAX mode, so nothing is built but our
// own blocks and nesting depth costs a vector entry, not stack. The walker
// keeps a stack of open elements and decides, element by element:
//  - script, style, template, head, nav, and elements whose role, class or id
//    mark them as navigation or that are hidden, are dropped with their content;
//  - <header>, <footer> and LibreOffice's <div title="header|footer"> become
//    Document::furniture, as page headers are in the other formats;
//  - block elements and <br> end a line: a paragraph outside tables, a '\n'
//    inside a cell; h1-h6 are headings, li list items, caption a caption;
//  - <table>/<tr>/<td>/<th> build RawTables (html_table.cc resolves spans);
//    a table inside a cell becomes its own block right after its parent, with
//    Table::parent set, as in the DOCX reader.
// Whitespace collapses as a browser shows it: runs become one space, and a
// line break in the source between two CJK characters disappears.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/grid/anchor_grid.h"
#include "extract/html/html_internal.h"

namespace disclose::html {
namespace {

enum class Tag {
  kOther,
  kSkip,       // dropped with its content
  kFurniture,  // header/footer: text goes to Document::furniture
  kBlock,
  kBreak,
  kHeading,
  kListItem,
  kTable,
  kCaption,
  kRow,
  kCell,
};

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string Lower(const char* text) {
  std::string lower = text == nullptr ? "" : text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// Whole whitespace-separated tokens of a class/id/role value that mark site
// navigation; whole tokens only, so "table-header" or "header-row" stay.
bool MarksNavigation(const std::string& value) {
  static const std::initializer_list<std::string_view> kTokens = {
      "nav",         "navbar",   "navigation", "menu",   "menubar",    "breadcrumb",
      "breadcrumbs", "crumbs",   "sidebar",    "topbar", "topnav",     "sitemap",
      "skip-link",   "skiplink", "search",     "banner", "contentinfo"};
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find_first_of(" \t\r\n", start);
    if (end == std::string::npos) end = value.size();
    if (end > start && IsOneOf(std::string_view(value).substr(start, end - start), kTokens)) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

struct Attributes {
  std::string klass, id, role, style, title;
  bool hidden = false;
  int rowspan = 1, colspan = 1;
};

int SpanValue(const char* text) {
  if (text == nullptr) return 1;
  long value = 0;
  const char* p = text;
  while (*p == ' ') ++p;
  if (*p < '0' || *p > '9') return 1;  // HTML: an unparsable span is 1
  while (*p >= '0' && *p <= '9' && value < 100'000) value = value * 10 + (*p++ - '0');
  return static_cast<int>(value);
}

Attributes ReadAttributes(const xmlChar** atts) {
  Attributes out;
  if (atts == nullptr) return out;
  for (int i = 0; atts[i] != nullptr; i += 2) {
    const std::string name = Lower(reinterpret_cast<const char*>(atts[i]));
    const char* value = atts[i + 1] == nullptr ? "" : reinterpret_cast<const char*>(atts[i + 1]);
    if (name == "class") out.klass = Lower(value);
    if (name == "id") out.id = Lower(value);
    if (name == "role") out.role = Lower(value);
    if (name == "style") out.style = Lower(value);
    if (name == "title") out.title = Lower(value);
    if (name == "hidden" || (name == "aria-hidden" && Lower(value) == "true")) out.hidden = true;
    if (name == "rowspan") out.rowspan = SpanValue(value);
    if (name == "colspan") out.colspan = SpanValue(value);
  }
  out.style.erase(std::remove(out.style.begin(), out.style.end(), ' '), out.style.end());
  return out;
}

Tag Classify(std::string_view name, const Attributes& attributes) {
  if (IsOneOf(name, {"script",   "style",  "template", "head",  "title",  "nav",     "noscript",
                     "iframe",   "object", "embed",    "svg",   "math",   "select",  "button",
                     "textarea", "map",    "audio",    "video", "canvas", "datalist"})) {
    return Tag::kSkip;
  }
  if (attributes.hidden || attributes.style.find("display:none") != std::string::npos ||
      attributes.style.find("visibility:hidden") != std::string::npos ||
      MarksNavigation(attributes.klass) || MarksNavigation(attributes.id) ||
      MarksNavigation(attributes.role)) {
    return Tag::kSkip;
  }
  if (name == "header" || name == "footer" ||
      (name == "div" && (attributes.title == "header" || attributes.title == "footer"))) {
    return Tag::kFurniture;
  }
  if (name == "br") return Tag::kBreak;
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return Tag::kHeading;
  if (name == "li" || name == "dt" || name == "dd") return Tag::kListItem;
  if (name == "table") return Tag::kTable;
  if (name == "caption") return Tag::kCaption;
  if (name == "tr") return Tag::kRow;
  if (name == "td" || name == "th") return Tag::kCell;
  if (IsOneOf(name, {"p",       "div",        "section",  "article", "main",       "aside",
                     "address", "blockquote", "pre",      "center",  "ul",         "ol",
                     "dl",      "form",       "fieldset", "figure",  "figcaption", "hr",
                     "body",    "html",       "thead",    "tbody",   "tfoot",      "legend",
                     "details", "summary",    "listing",  "xmp",     "plaintext"})) {
    return Tag::kBlock;
  }
  return Tag::kOther;
}

// CJK characters and fullwidth punctuation: a source line break between two of
// them is not a space (CSS Text's segment-break rule for East Asian text).
bool IsWide(char32_t c) {
  return IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x30FF);
}

char32_t DecodeAt(std::string_view text, std::size_t* i) {
  const unsigned char c = static_cast<unsigned char>(text[*i]);
  int length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  if (*i + static_cast<std::size_t>(length) > text.size()) length = 1;
  char32_t value = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 7);
  for (int k = 1; k < length; ++k) {
    value =
        (value << 6) | (static_cast<unsigned char>(text[*i + static_cast<std::size_t>(k)]) & 0x3F);
  }
  *i += static_cast<std::size_t>(length);
  return value;
}

// Text being gathered for one paragraph or one cell, with browser whitespace.
class TextBuffer {
 public:
  void Append(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t start = i;
      const char32_t c = DecodeAt(text, &i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0) {
        if (c == '\n' || c == '\r') pending_ = std::max(pending_, Space::kSegmentBreak);
        pending_ = std::max(pending_, Space::kSpace);
        continue;
      }
      if (c < 0x20 || c == 0x7F) continue;  // control characters are not text
      if (pending_ != Space::kNone && !text_.empty() && text_.back() != '\n') {
        const bool drop = pending_ == Space::kSegmentBreak && IsWide(last_) && IsWide(c);
        if (!drop) text_ += ' ';
      }
      pending_ = Space::kNone;
      text_.append(text.substr(start, i - start));
      last_ = c;
    }
  }
  // A line break inside a cell (<br>, or a block element's edge when `soft`:
  // soft breaks do not make empty lines).
  void Break(bool soft) {
    pending_ = Space::kNone;
    if (soft && (text_.empty() || text_.back() == '\n')) return;
    text_ += '\n';
    last_ = '\n';
  }
  bool empty() const { return text_.empty(); }
  // The text with each line trimmed and blank lines dropped; clears the buffer.
  std::string Take() {
    std::string out;
    std::size_t start = 0;
    while (start <= text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string::npos) end = text_.size();
      const std::string line = Trim(std::string_view(text_).substr(start, end - start));
      if (!line.empty()) {
        if (!out.empty()) out += '\n';
        out += line;
      }
      start = end + 1;
    }
    text_.clear();
    pending_ = Space::kNone;
    last_ = 0;
    return out;
  }

 private:
  enum class Space { kNone, kSpace, kSegmentBreak };
  std::string text_;
  Space pending_ = Space::kNone;
  char32_t last_ = 0;
};

// A table of one nest group (a top-level table and the tables inside its
// cells), waiting until the top-level one closes.
struct GroupTable {
  RawTable raw;
  int parent = -1;  // index in the group
  int parent_row = -1;
  int parent_cell = -1;
  int line = 0;
  std::vector<Paragraph> captions;  // <caption> and stray text, shown before it
  bool in_row = false;
  bool in_cell = false;
  TextBuffer cell;
};

class Walker {
 public:
  Walker(const Limits& limits, Document* document) : limits_(limits), document_(document) {}

  void Start(std::string_view name, const xmlChar** atts, int line) {
    line_ = line;
    const Attributes attributes = ReadAttributes(atts);
    Tag tag = Classify(name, attributes);
    if (skip_depth_ > 0) {
      stack_.push_back(Tag::kSkip);
      ++skip_depth_;
      return;
    }
    if (tag == Tag::kSkip) {
      stack_.push_back(tag);
      ++skip_depth_;
      return;
    }
    if (name == "img") ++images_;
    if (furniture_depth_ > 0) {
      // Inside page furniture, structure only separates lines.
      if (tag != Tag::kOther) FlushParagraph();
      if (tag != Tag::kBreak) stack_.push_back(tag == Tag::kFurniture ? tag : Tag::kOther);
      if (tag == Tag::kFurniture) ++furniture_depth_;
      return;
    }
    switch (tag) {
      case Tag::kFurniture:
        FlushParagraph();
        ++furniture_depth_;
        break;
      case Tag::kBreak:
        if (GroupTable* table = OpenTable(); table != nullptr && table->in_cell) {
          table->cell.Break(false);
        } else {
          FlushParagraph();
        }
        return;  // void element: libxml2 still reports its end, which Pop ignores
      case Tag::kTable: StartTable(); break;
      case Tag::kRow: StartRow(); break;
      case Tag::kCell: StartCell(attributes); break;
      case Tag::kBlock:
      case Tag::kHeading:
      case Tag::kListItem:
      case Tag::kCaption: LineEdge(); break;
      case Tag::kOther:
      case Tag::kSkip: break;
    }
    stack_.push_back(tag);
  }

  void End(std::string_view name) {
    if (name == "br") return;  // never pushed
    if (stack_.empty()) return;
    const Tag tag = stack_.back();
    stack_.pop_back();
    if (tag == Tag::kSkip) {
      --skip_depth_;
      return;
    }
    if (skip_depth_ > 0) return;
    if (furniture_depth_ > 0) {
      if (tag != Tag::kOther) FlushParagraph(tag == Tag::kFurniture);
      if (tag == Tag::kFurniture) --furniture_depth_;
      return;
    }
    switch (tag) {
      case Tag::kTable: EndTable(); break;
      case Tag::kRow: EndRow(); break;
      case Tag::kCell: EndCell(); break;
      case Tag::kCaption: FlushParagraph(false, ParagraphRole::kCaption); break;
      case Tag::kBlock:
      case Tag::kHeading:
      case Tag::kListItem: LineEdge(tag); break;
      default: break;
    }
  }

  void Characters(std::string_view text) {
    if (skip_depth_ > 0 || failed_) return;
    if (GroupTable* table = OpenTable(); table != nullptr && table->in_cell) {
      table->cell.Append(text);
      return;
    }
    paragraph_.Append(text);
    if (paragraph_line_ == 0 && !paragraph_.empty()) paragraph_line_ = line_;
  }

  // The end of input: whatever is open is closed as the markup would be.
  Status Finish() {
    while (!stack_.empty() && !failed_) End(TagName(stack_.back()));
    while (!group_.empty() && !failed_) EndTable();
    FlushParagraph();
    return status_;
  }

  bool failed() const { return failed_; }
  int images() const { return images_; }
  void Fail(Status status) {
    if (!failed_) status_ = std::move(status);
    failed_ = true;
  }

 private:
  static std::string_view TagName(Tag tag) {
    switch (tag) {
      case Tag::kTable: return "table";
      case Tag::kRow: return "tr";
      case Tag::kCell: return "td";
      default: return "div";
    }
  }

  GroupTable* OpenTable() {
    return open_.empty() ? nullptr : &group_[static_cast<std::size_t>(open_.back())];
  }

  // A block element's edge: a soft line break in a cell, a paragraph end elsewhere.
  void LineEdge(Tag ending = Tag::kOther) {
    if (GroupTable* table = OpenTable(); table != nullptr && table->in_cell) {
      table->cell.Break(true);
      return;
    }
    if (ending == Tag::kHeading || ending == Tag::kListItem) {
      FlushParagraph(false, RoleOf(ending));
    } else {
      FlushParagraph();
    }
  }

  ParagraphRole RoleOf(Tag tag) const {
    return tag == Tag::kHeading ? ParagraphRole::kHeading : ParagraphRole::kListItem;
  }

  // The role the innermost heading / list item / caption on the stack gives.
  ParagraphRole CurrentRole(int* heading_level) const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (*it == Tag::kHeading) {
        *heading_level = current_heading_level_;
        return ParagraphRole::kHeading;
      }
      if (*it == Tag::kListItem) return ParagraphRole::kListItem;
      if (*it == Tag::kCaption) return ParagraphRole::kCaption;
      if (*it == Tag::kTable || *it == Tag::kCell) break;
    }
    return ParagraphRole::kBody;
  }

  void FlushParagraph(bool to_furniture = false,
                      std::optional<ParagraphRole> forced = std::nullopt) {
    std::string text = paragraph_.Take();
    const int line = paragraph_line_;
    paragraph_line_ = 0;
    if (text.empty()) return;
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    Paragraph paragraph;
    paragraph.text = std::move(text);
    paragraph.provenance.line = line;
    paragraph.provenance.origin = TextOrigin::kMarkup;
    if (furniture_depth_ > 0 || to_furniture) {
      document_->furniture.push_back(std::move(paragraph));
      return;
    }
    int level = 0;
    paragraph.role = forced.value_or(CurrentRole(&level));
    if (paragraph.role == ParagraphRole::kHeading) {
      paragraph.heading_level = level > 0 ? level : current_heading_level_;
    }
    if (GroupTable* table = OpenTable()) {
      // Text inside <table> but outside cells: shown before the table.
      if (paragraph.role == ParagraphRole::kBody) paragraph.role = ParagraphRole::kCaption;
      table->captions.push_back(std::move(paragraph));
      return;
    }
    AddBlock(std::move(paragraph));
  }

  void AddBlock(Paragraph paragraph) {
    paragraph.provenance.block = static_cast<int>(document_->blocks.size());
    Block block;
    block.content = std::move(paragraph);
    document_->blocks.push_back(std::move(block));
  }

  void StartTable() {
    FlushParagraph();
    GroupTable table;
    table.line = line_;
    if (GroupTable* parent = OpenTable(); parent != nullptr && parent->in_cell) {
      table.parent = open_.back();
      table.parent_row = static_cast<int>(parent->raw.rows.size()) - 1;
      table.parent_cell = static_cast<int>(parent->raw.rows.back().cells.size()) - 1;
    } else if (parent != nullptr) {
      // A table directly in a table (not in a cell): read as a sibling.
      table.parent = -1;
    }
    group_.push_back(std::move(table));
    open_.push_back(static_cast<int>(group_.size()) - 1);
  }

  void StartRow() {
    GroupTable* table = OpenTable();
    if (table == nullptr) return;
    if (table->in_cell) EndCell();
    table->raw.rows.emplace_back();
    table->in_row = true;
  }

  void StartCell(const Attributes& attributes) {
    GroupTable* table = OpenTable();
    if (table == nullptr) return;  // a stray <td> outside any table: its text is a paragraph
    FlushParagraph();
    if (table->in_cell) EndCell();
    if (!table->in_row) StartRow();
    if (++cells_ > limits_.max_cells) {
      Fail(HtmlError(ErrorCode::kTooLarge,
                     "more than " + std::to_string(limits_.max_cells) + " table cells"));
      return;
    }
    RawCell cell;
    cell.row_span = attributes.rowspan;
    cell.column_span = attributes.colspan;
    cell.line = line_;
    table->raw.rows.back().cells.push_back(std::move(cell));
    table->in_cell = true;
  }

  void EndCell() {
    GroupTable* table = OpenTable();
    if (table == nullptr || !table->in_cell) return;
    RawCell& cell = table->raw.rows.back().cells.back();
    cell.text = table->cell.Take();
    table->in_cell = false;
    if (limits_.rowspan_zero_is_covered && cell.row_span == 0) {
      if (cell.text.empty()) {
        table->raw.rows.back().cells.pop_back();
      } else {
        cell.row_span = 1;  // text where Word shows none: keep it in a cell of its own
      }
    }
  }

  void EndRow() {
    GroupTable* table = OpenTable();
    if (table == nullptr) return;
    if (table->in_cell) EndCell();
    table->in_row = false;
  }

  void EndTable() {
    if (open_.empty()) return;
    FlushParagraph();
    EndRow();
    open_.pop_back();
    if (GroupTable* parent = OpenTable()) {
      // Back in the parent's cell: a line break separates what follows.
      if (parent->in_cell) parent->cell.Break(true);
      return;
    }
    EmitGroup();
  }

  // Top-level table first, then the tables nested in it, in document order,
  // each with its captions before it.
  void EmitGroup() {
    std::vector<GridTable> built;
    built.reserve(group_.size());
    for (const GroupTable& table : group_) built.push_back(BuildGrid(table.raw));
    std::vector<int> block_of(group_.size(), -1);
    for (std::size_t i = 0; i < group_.size(); ++i) {
      GroupTable& raw = group_[i];
      for (Paragraph& caption : raw.captions) AddBlock(std::move(caption));
      Table& table = built[i].table;
      if (table.cells.empty()) continue;
      const int index = static_cast<int>(document_->blocks.size());
      block_of[i] = index;
      table.ruled = true;
      table.provenance.block = index;
      table.provenance.line = raw.line;
      table.provenance.origin = TextOrigin::kMarkup;
      for (TableCell& cell : table.cells) {
        cell.provenance.block = index;
        cell.provenance.row = cell.row;
        cell.provenance.column = cell.column;
        cell.provenance.origin = TextOrigin::kMarkup;
      }
      if (raw.parent >= 0 && block_of[static_cast<std::size_t>(raw.parent)] >= 0) {
        TableParent where;
        where.block = block_of[static_cast<std::size_t>(raw.parent)];
        if (const auto anchor =
                grid::AnchorOfRawCell(built[static_cast<std::size_t>(raw.parent)].anchor_of,
                                      raw.parent_row, raw.parent_cell)) {
          where.row = anchor->first;
          where.column = anchor->second;
        }
        table.parent = where;
      }
      Block block;
      block.content = std::move(table);
      document_->blocks.push_back(std::move(block));
    }
    group_.clear();
  }

 public:
  // Heading levels are read from the tag name at start; kept beside the stack.
  void NoteHeading(std::string_view name) {
    current_heading_level_ = name.size() == 2 ? name[1] - '0' : 1;
  }

 private:
  const Limits limits_;
  Document* document_;
  std::vector<Tag> stack_;
  int current_heading_level_ = 1;
  int skip_depth_ = 0;
  int furniture_depth_ = 0;
  TextBuffer paragraph_;
  int paragraph_line_ = 0;
  int line_ = 0;
  std::vector<GroupTable> group_;
  std::vector<int> open_;  // indices into group_ of the open tables, innermost last
  long cells_ = 0;
  int images_ = 0;
  bool failed_ = false;
  Status status_;
};

Walker* WalkerOf(void* context) {
  auto* parser = static_cast<htmlParserCtxtPtr>(context);
  return static_cast<Walker*>(parser->_private);
}

int LineOf(void* context) {
  auto* parser = static_cast<htmlParserCtxtPtr>(context);
  return parser->input != nullptr ? parser->input->line : 0;
}

void OnStart(void* context, const xmlChar* name, const xmlChar** atts) {
  Walker* walker = WalkerOf(context);
  if (walker->failed()) return;
  const std::string lower = Lower(reinterpret_cast<const char*>(name));
  if (lower.size() == 2 && lower[0] == 'h' && lower[1] >= '1' && lower[1] <= '6') {
    walker->NoteHeading(lower);
  }
  walker->Start(lower, atts, LineOf(context));
  if (walker->failed()) xmlStopParser(static_cast<htmlParserCtxtPtr>(context));
}

void OnEnd(void* context, const xmlChar* name) {
  Walker* walker = WalkerOf(context);
  if (walker->failed()) return;
  walker->End(Lower(reinterpret_cast<const char*>(name)));
}

void OnCharacters(void* context, const xmlChar* text, int length) {
  WalkerOf(context)->Characters(
      std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
}

void IgnoreCdata(void*, const xmlChar*, int) {}

// libxml2 2.9 re-decodes the rest of the input when it meets a <meta> charset
// declaration, HTML_PARSE_IGNORE_ENC or not; the bytes are UTF-8 already
// (DecodeHtml), so every declaration is defused ("charset" -> "xharset") first.
std::string DefuseCharsetDeclarations(std::string_view utf8) {
  std::string out(utf8);
  const auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  const auto matches = [&](std::size_t at, std::string_view word) {
    if (at + word.size() > out.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (lower(out[at + k]) != word[k]) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '<' || !matches(i + 1, "meta")) continue;
    for (std::size_t k = i + 5; k < out.size() && out[k] != '>'; ++k) {
      if (matches(k, "charset")) out[k] = 'x';
    }
  }
  return out;
}

// Errors in the markup are the normal state of the web; libxml2 recovers
// from all of them, so they are neither printed nor fatal.
void Quiet(void*, const char*, ...) {}

}  // namespace

Status WalkHtml(std::string_view utf8, const Limits& limits, Document* document, WalkStats* stats) {
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) {
    return HtmlError(ErrorCode::kTooLarge, "input beyond 2 GiB");
  }
  const std::string input = DefuseCharsetDeclarations(utf8);
  htmlParserCtxtPtr parser =
      htmlCreateMemoryParserCtxt(input.data(), static_cast<int>(input.size()));
  if (parser == nullptr) return HtmlError(ErrorCode::kCorrupt, "libxml2 could not start a parser");
  htmlSAXHandler handler;
  std::memset(&handler, 0, sizeof(handler));
  handler.startElement = OnStart;
  handler.endElement = OnEnd;
  handler.characters = OnCharacters;
  handler.ignorableWhitespace = OnCharacters;
  handler.cdataBlock = IgnoreCdata;  // script and style bodies: never text
  handler.warning = Quiet;
  handler.error = Quiet;
  handler.fatalError = Quiet;
  std::memcpy(parser->sax, &handler, sizeof(handler));
  Walker walker(limits, document);
  parser->_private = &walker;
  // The bytes are UTF-8 already (DecodeHtml); a <meta charset> must not make
  // libxml2 decode them a second time.
  xmlSwitchEncoding(parser, XML_CHAR_ENCODING_UTF8);
  htmlCtxtUseOptions(
      parser, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
  htmlParseDocument(parser);
  parser->_private = nullptr;
  htmlFreeParserCtxt(parser);
  if (stats != nullptr) stats->images = walker.images();
  return walker.Finish();
}

}  // namespace disclose::html
