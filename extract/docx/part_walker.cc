// The streaming WordprocessingML walker: one pass of libxml2's xmlTextReader
// over a part, never a DOM, so a part costs its bytes plus what it yields.
//
// What it keeps and drops, and why:
//  - w:t / w:tab / w:br / w:cr / w:noBreakHyphen / simple w:sym are the text;
//  - field codes (w:instrText, the code half of a complex field) are dropped,
//    field results kept: a TOC's code must not leak but its entries are text;
//  - deleted revisions, hidden runs and property-change history are dropped,
//    because they are not what the reader of the document sees;
//  - mc:AlternateContent is read once (first understood branch), else every
//    text box would be read twice (DrawingML choice and VML fallback);
//  - tables become Table blocks; a table nested in a cell is its own block
//    right after its parent; tables inside text boxes or page furniture are
//    flattened to paragraphs.
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "core/text.h"
#include "extract/docx/docx_internal.h"
#include "extract/grid/anchor_grid.h"
#include "extract/xml/xml_errors.h"

namespace disclose::docx {
namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kMcNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";

enum class Elem {
  kOther,
  kSkip,  // whose subtree is never read
  kP,
  kPPr,
  kPStyle,
  kNumPr,
  kNumId,
  kOutlineLvl,
  kR,
  kRPr,
  kVanish,
  kT,
  kTab,
  kBr,
  kNoBreakHyphen,
  kSym,
  kTbl,
  kTblGrid,
  kGridCol,
  kTr,
  kTrPr,
  kGridBefore,
  kGridAfter,
  kTc,
  kTcPr,
  kGridSpan,
  kVMerge,
  kTxbxContent,
  kFldChar,
  kAlternateContent,
  kChoice,
  kFallback,
  kStyle,
  kName,
  kBasedOn,
};

Elem WordElem(std::string_view name) {
  // Looked up once per element of every part: a hash map, not a scan.
  static const std::unordered_map<std::string_view, Elem> kTable = {
      {"p", Elem::kP},
      {"pPr", Elem::kPPr},
      {"pStyle", Elem::kPStyle},
      {"numPr", Elem::kNumPr},
      {"numId", Elem::kNumId},
      {"outlineLvl", Elem::kOutlineLvl},
      {"r", Elem::kR},
      {"rPr", Elem::kRPr},
      {"vanish", Elem::kVanish},
      {"webHidden", Elem::kVanish},
      {"specVanish", Elem::kVanish},
      {"t", Elem::kT},
      {"tab", Elem::kTab},
      {"br", Elem::kBr},
      {"cr", Elem::kBr},
      {"noBreakHyphen", Elem::kNoBreakHyphen},
      {"sym", Elem::kSym},
      {"tbl", Elem::kTbl},
      {"tblGrid", Elem::kTblGrid},
      {"gridCol", Elem::kGridCol},
      {"tr", Elem::kTr},
      {"trPr", Elem::kTrPr},
      {"gridBefore", Elem::kGridBefore},
      {"gridAfter", Elem::kGridAfter},
      {"tc", Elem::kTc},
      {"tcPr", Elem::kTcPr},
      {"gridSpan", Elem::kGridSpan},
      {"vMerge", Elem::kVMerge},
      {"txbxContent", Elem::kTxbxContent},
      {"fldChar", Elem::kFldChar},
      {"style", Elem::kStyle},
      {"name", Elem::kName},
      {"basedOn", Elem::kBasedOn},
      // Never the visible text: field codes, deleted revisions, history of
      // property changes, content-control properties, note references.
      {"instrText", Elem::kSkip},
      {"delInstrText", Elem::kSkip},
      {"delText", Elem::kSkip},
      {"del", Elem::kSkip},
      {"moveFrom", Elem::kSkip},
      {"fldData", Elem::kSkip},
      {"sdtPr", Elem::kSkip},
      {"sdtEndPr", Elem::kSkip},
      {"rPrChange", Elem::kSkip},
      {"pPrChange", Elem::kSkip},
      {"tblPrChange", Elem::kSkip},
      {"tblPrExChange", Elem::kSkip},
      {"trPrChange", Elem::kSkip},
      {"tcPrChange", Elem::kSkip},
      {"sectPrChange", Elem::kSkip},
      {"tblGridChange", Elem::kSkip},
      {"numberingChange", Elem::kSkip},
      {"customXmlPr", Elem::kSkip},
      {"smartTagPr", Elem::kSkip},
      {"tabs", Elem::kSkip},
  };
  const auto it = kTable.find(name);
  return it == kTable.end() ? Elem::kOther : it->second;
}

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

// The value of the attribute with this local name (any namespace), if any.
bool GetAttribute(xmlTextReaderPtr reader, std::string_view local, std::string* value) {
  bool found = false;
  if (xmlTextReaderMoveToFirstAttribute(reader) == 1) {
    do {
      if (View(xmlTextReaderConstLocalName(reader)) == local) {
        *value = std::string(View(xmlTextReaderConstValue(reader)));
        found = true;
        break;
      }
    } while (xmlTextReaderMoveToNextAttribute(reader) == 1);
    xmlTextReaderMoveToElement(reader);
  }
  return found;
}

// Parses a small non-negative decimal; returns fallback when it is not one.
int ParseInt(const std::string& text, int fallback) {
  if (text.empty() || text.size() > 9) return fallback;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return fallback;
    value = value * 10 + (c - '0');
  }
  return value;
}

// ST_OnOff: absent value means on.
bool OnOff(xmlTextReaderPtr reader) {
  std::string value;
  if (!GetAttribute(reader, "val", &value)) return true;
  return !(value == "0" || value == "false" || value == "off");
}

using xml::ErrorSink;
using xml::IgnoreGenericError;
using xml::OnXmlError;

// Drives xmlTextReader over one part. The visitor's Start returns false to
// skip the element's subtree.
template <typename Visitor>
Status StreamPart(std::string_view xml, const std::string& part, Visitor& visitor) {
  // OOXML never has a DTD; refusing one rules out entity tricks (XXE,
  // billion laughs) whatever the libxml2 version does with them.
  if (xml.find("<!DOCTYPE") != std::string_view::npos ||
      xml.find("<!ENTITY") != std::string_view::npos) {
    return DocxError(ErrorCode::kCorrupt, part + ": DTDs are not allowed in DOCX parts");
  }
  // Idempotent; makes libxml2's global state safe before readers run on
  // several threads.
  static const bool initialized = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialized;
  if (xml.size() > static_cast<std::size_t>(INT32_MAX)) {
    return DocxError(ErrorCode::kTooLarge, part + ": part too large to parse");
  }
  xmlTextReaderPtr reader =
      xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == nullptr) {
    return DocxError(ErrorCode::kCorrupt, part + ": cannot start the XML parser");
  }
  // Per thread in libxml2's threaded builds; nothing else in the stage uses it.
  xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
  ErrorSink sink;
  xmlTextReaderSetStructuredErrorHandler(reader, OnXmlError, &sink);
  int ret = xmlTextReaderRead(reader);
  while (ret == 1) {
    const int type = xmlTextReaderNodeType(reader);
    bool skip = false;
    if (type == XML_READER_TYPE_ELEMENT) {
      const bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
      const std::string_view ns = View(xmlTextReaderConstNamespaceUri(reader));
      const std::string_view local = View(xmlTextReaderConstLocalName(reader));
      Elem elem = Elem::kOther;
      if (ns == kWordNs || ns == kWordStrictNs) {
        elem = WordElem(local);
      } else if (ns == kMcNs) {
        if (local == "AlternateContent") elem = Elem::kAlternateContent;
        if (local == "Choice") elem = Elem::kChoice;
        if (local == "Fallback") elem = Elem::kFallback;
      }
      if (elem == Elem::kSkip) {
        skip = !empty;
      } else if (!visitor.Start(elem, reader)) {
        visitor.End();
        skip = !empty;
      } else if (empty) {
        visitor.End();
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      visitor.End();
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
               type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE) {
      visitor.Text(View(xmlTextReaderConstValue(reader)));
    } else if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE) {
      xmlFreeTextReader(reader);
      return DocxError(ErrorCode::kCorrupt, part + ": DTDs and entities are not allowed");
    }
    if (visitor.over_budget()) break;
    ret = skip ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader);
  }
  xmlFreeTextReader(reader);
  if (ret < 0 || !sink.message.empty()) {
    std::string detail = sink.message.empty() ? "malformed XML" : sink.message;
    if (sink.line > 0) detail = "line " + std::to_string(sink.line) + ": " + detail;
    return DocxError(ErrorCode::kCorrupt, part + ": " + detail);
  }
  return Status::Ok();
}

// ---------------------------------------------------------------- styles.xml

class StyleVisitor {
 public:
  explicit StyleVisitor(StyleMap* styles) : styles_(styles) {}
  bool over_budget() const { return false; }

  bool Start(Elem elem, xmlTextReaderPtr reader) {
    const Elem parent = stack_.empty() ? Elem::kOther : stack_.back();
    stack_.push_back(elem);
    if (elem == Elem::kStyle) {
      std::string type;
      in_style_ = false;
      if (GetAttribute(reader, "type", &type) && type != "paragraph") return true;
      if (GetAttribute(reader, "styleId", &id_)) {
        in_style_ = true;
        (*styles_)[id_] = StyleInfo();
      }
      return true;
    }
    if (!in_style_) return true;
    StyleInfo& info = (*styles_)[id_];
    std::string value;
    if (elem == Elem::kName && parent == Elem::kStyle && GetAttribute(reader, "val", &value)) {
      info.name = value;
    } else if (elem == Elem::kBasedOn && GetAttribute(reader, "val", &value)) {
      info.based_on = value;
    } else if (elem == Elem::kOutlineLvl && parent == Elem::kPPr &&
               GetAttribute(reader, "val", &value)) {
      info.outline_level = ParseInt(value, -1);
    } else if (elem == Elem::kNumId && GetAttribute(reader, "val", &value)) {
      info.numbered = ParseInt(value, 0) != 0;
    }
    return true;
  }
  void End() {
    if (stack_.empty()) return;
    if (stack_.back() == Elem::kStyle) in_style_ = false;
    stack_.pop_back();
  }
  void Text(std::string_view) {}

 private:
  StyleMap* styles_;
  std::vector<Elem> stack_;
  bool in_style_ = false;
  std::string id_;
};

// ------------------------------------------------------------ body walker

// Heading level from a style name: "heading 2", "Heading2", "标题 2", "Title".
int HeadingLevelFromName(std::string_view name) {
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::string compact;
  for (char c : lower) {
    if (c != ' ') compact += c;
  }
  if (compact == "title" || compact == "标题") return 1;
  for (std::string_view prefix : {std::string_view("heading"), std::string_view("标题")}) {
    if (StartsWith(compact, prefix) && compact.size() == prefix.size() + 1) {
      const char digit = compact.back();
      if (digit >= '1' && digit <= '9') return digit - '0';
    }
  }
  return 0;
}

struct ParagraphState {
  std::string text;
  std::string style_id;
  bool has_style = false;
  int num_id = -1;                      // direct w:numPr/w:numId; -1 when absent
  int outline_level = -1;               // direct w:outlineLvl
  std::vector<std::string> text_boxes;  // paragraphs of text boxes anchored here
};

enum class ContainerKind { kBody, kFurniture, kCell, kTextBox };

struct Container {
  ContainerKind kind = ContainerKind::kBody;
  int table = -1;  // for cells: index into the current group, row and cell
  int row = -1;
  int cell = -1;
  std::vector<std::string> lines;
};

struct Frame {
  Elem elem = Elem::kOther;
  bool pushed_paragraph = false;
  bool pushed_container = false;
  bool pushed_table = false;
  bool pushed_row = false;
  bool hidden_run = false;
  bool pushed_alternate = false;
};

struct OpenTable {
  int index = -1;  // into group_; -1 for a flattened table
};

class BodyVisitor {
 public:
  BodyVisitor(PartKind kind, const StyleMap& styles, ModelBudget* budget, Document* document)
      : styles_(styles), budget_(budget), document_(document) {
    Container root;
    root.kind = kind == PartKind::kBody ? ContainerKind::kBody : ContainerKind::kFurniture;
    containers_.push_back(std::move(root));
  }

  // Past the model's limits the walk stops: nothing more is worth building.
  bool over_budget() const { return budget_->exceeded(); }

  bool Start(Elem elem, xmlTextReaderPtr reader) {
    Frame frame;
    frame.elem = elem;
    const Elem parent = frames_.empty() ? Elem::kOther : frames_.back().elem;
    const Frame* grandparent = frames_.size() >= 2 ? &frames_[frames_.size() - 2] : nullptr;
    bool read_children = true;
    std::string value;
    switch (elem) {
      case Elem::kP:
        paragraphs_.emplace_back();
        frame.pushed_paragraph = true;
        break;
      case Elem::kPStyle:
        if (parent == Elem::kPPr && InParagraphProperties() &&
            GetAttribute(reader, "val", &value)) {
          paragraphs_.back().style_id = value;
          paragraphs_.back().has_style = true;
        }
        break;
      case Elem::kNumId:
        if (grandparent != nullptr && grandparent->elem == Elem::kPPr && InParagraphProperties(1) &&
            GetAttribute(reader, "val", &value)) {
          paragraphs_.back().num_id = ParseInt(value, 0);
        }
        break;
      case Elem::kOutlineLvl:
        if (parent == Elem::kPPr && InParagraphProperties() &&
            GetAttribute(reader, "val", &value)) {
          paragraphs_.back().outline_level = ParseInt(value, -1);
        }
        break;
      case Elem::kVanish:
        // Only run properties hide text; a vanished paragraph mark (pPr/rPr)
        // merely joins the paragraph with the next one.
        if (parent == Elem::kRPr && grandparent != nullptr && grandparent->elem == Elem::kR &&
            !grandparent->hidden_run && OnOff(reader)) {
          frames_[frames_.size() - 2].hidden_run = true;
          ++hidden_runs_;
        }
        break;
      case Elem::kT: break;
      case Elem::kTab:
        if (parent == Elem::kR) Append("\t");
        break;
      case Elem::kBr:
        if (parent == Elem::kR) Append("\n");
        break;
      case Elem::kNoBreakHyphen:
        if (parent == Elem::kR) Append("-");
        break;
      case Elem::kSym:
        if (parent == Elem::kR && GetAttribute(reader, "char", &value)) AppendSymbol(value);
        break;
      case Elem::kFldChar:
        if (GetAttribute(reader, "fldCharType", &value)) {
          if (value == "begin") {
            fields_.push_back(true);
          } else if (value == "separate") {
            if (!fields_.empty()) fields_.back() = false;
          } else if (value == "end") {
            if (!fields_.empty()) fields_.pop_back();
          }
        }
        break;
      case Elem::kTbl: StartTable(&frame); break;
      case Elem::kGridCol:
        if (parent == Elem::kTblGrid && grandparent != nullptr && grandparent->pushed_table &&
            !tables_.empty() && tables_.back().index >= 0) {
          ++group_[static_cast<std::size_t>(tables_.back().index)].grid_columns;
        }
        break;
      case Elem::kTr:
        if (!tables_.empty() && tables_.back().index >= 0) {
          group_[static_cast<std::size_t>(tables_.back().index)].rows.emplace_back();
          frame.pushed_row = true;
        }
        break;
      case Elem::kGridBefore:
      case Elem::kGridAfter:
        if (parent == Elem::kTrPr && grandparent != nullptr && grandparent->pushed_row &&
            GetAttribute(reader, "val", &value)) {
          RawRow& row = group_[static_cast<std::size_t>(tables_.back().index)].rows.back();
          (elem == Elem::kGridBefore ? row.grid_before : row.grid_after) = ParseInt(value, 0);
        }
        break;
      case Elem::kTc: StartCell(&frame); break;
      case Elem::kGridSpan:
      case Elem::kVMerge:
        if (parent == Elem::kTcPr && grandparent != nullptr && grandparent->pushed_container) {
          RawCell& cell = CurrentCell();
          if (elem == Elem::kGridSpan) {
            if (GetAttribute(reader, "val", &value))
              cell.grid_span = std::max(1, ParseInt(value, 1));
          } else {
            const bool has_value = GetAttribute(reader, "val", &value);
            cell.v_merge = has_value && value == "restart" ? RawCell::VMerge::kRestart
                                                           : RawCell::VMerge::kContinue;
          }
        }
        break;
      case Elem::kTxbxContent: {
        Container box;
        box.kind = ContainerKind::kTextBox;
        containers_.push_back(std::move(box));
        frame.pushed_container = true;
        break;
      }
      case Elem::kAlternateContent:
        alternates_.push_back(false);
        frame.pushed_alternate = true;
        break;
      case Elem::kChoice:
      case Elem::kFallback:
        // Read the first branch only: Choice when present, else Fallback.
        if (alternates_.empty()) break;
        if (alternates_.back()) {
          read_children = false;
        } else {
          alternates_.back() = true;
        }
        break;
      default: break;
    }
    frames_.push_back(frame);
    return read_children;
  }

  void End() {
    if (frames_.empty()) return;
    const Frame frame = frames_.back();
    frames_.pop_back();
    if (frame.hidden_run) --hidden_runs_;
    if (frame.pushed_paragraph && !paragraphs_.empty()) FinishParagraph();
    if (frame.pushed_alternate && !alternates_.empty()) alternates_.pop_back();
    if (frame.elem == Elem::kTxbxContent && frame.pushed_container) FinishTextBox();
    if (frame.elem == Elem::kTc && frame.pushed_container) FinishCell();
    if (frame.pushed_table) FinishTable();
  }

  void Text(std::string_view text) {
    if (!frames_.empty() && frames_.back().elem == Elem::kT) Append(text);
  }

  // Tables still open when the part ends cannot happen in well-formed XML,
  // but flush anyway so nothing read is dropped.
  void Finish() {
    while (!tables_.empty()) FinishTable();
  }

 private:
  // The innermost paragraph is open and the pPr being read (depth frames up)
  // belongs to it.
  bool InParagraphProperties(std::size_t extra = 0) const {
    const std::size_t need = 2 + extra;
    return !paragraphs_.empty() && frames_.size() >= need &&
           frames_[frames_.size() - need].elem == Elem::kP;
  }

  void Append(std::string_view text) {
    if (paragraphs_.empty() || hidden_runs_ > 0) return;
    if (std::find(fields_.begin(), fields_.end(), true) != fields_.end()) return;
    paragraphs_.back().text.append(text);
  }

  void AppendSymbol(const std::string& hex) {
    if (hex.empty() || hex.size() > 6) return;
    char32_t code = 0;
    for (char c : hex) {
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return;
      code = code * 16 + static_cast<char32_t>(digit);
    }
    // F000-F0FF are symbol-font glyph slots, not characters.
    if (code < 0x20 || (code >= 0xD800 && code <= 0xDFFF) || (code >= 0xE000 && code <= 0xF8FF) ||
        code > 0x10FFFF) {
      return;
    }
    Append(EncodeUtf8(code));
  }

  ContainerKind TopKind() const { return containers_.back().kind; }

  RawCell& CurrentCell() {
    const Container& cell = containers_.back();
    return group_[static_cast<std::size_t>(cell.table)]
        .rows[static_cast<std::size_t>(cell.row)]
        .cells[static_cast<std::size_t>(cell.cell)];
  }

  void StartTable(Frame* frame) {
    OpenTable open;
    const bool real_open = std::any_of(tables_.begin(), tables_.end(),
                                       [](const OpenTable& t) { return t.index >= 0; });
    if (TopKind() == ContainerKind::kBody && !real_open) {
      group_.clear();
      group_.emplace_back();
      open.index = 0;
    } else if (TopKind() == ContainerKind::kCell) {
      const Container& cell = containers_.back();
      RawTable nested;
      nested.parent = cell.table;
      nested.parent_row = cell.row;
      nested.parent_cell = cell.cell;
      group_.push_back(std::move(nested));
      open.index = static_cast<int>(group_.size()) - 1;
    }
    // Otherwise (text box, furniture): flattened, its paragraphs flow on.
    tables_.push_back(open);
    frame->pushed_table = true;
  }

  void StartCell(Frame* frame) {
    if (tables_.empty() || tables_.back().index < 0) return;
    RawTable& table = group_[static_cast<std::size_t>(tables_.back().index)];
    if (table.rows.empty()) table.rows.emplace_back();  // w:tc outside w:tr
    if (!budget_->AddCells(1)) return;
    table.rows.back().cells.emplace_back();
    Container cell;
    cell.kind = ContainerKind::kCell;
    cell.table = tables_.back().index;
    cell.row = static_cast<int>(table.rows.size()) - 1;
    cell.cell = static_cast<int>(table.rows.back().cells.size()) - 1;
    containers_.push_back(std::move(cell));
    frame->pushed_container = true;
  }

  void FinishCell() {
    if (containers_.size() < 2 || TopKind() != ContainerKind::kCell) return;
    std::string text;
    for (const std::string& line : containers_.back().lines) {
      if (!text.empty()) text += '\n';
      text += line;
    }
    CurrentCell().text = std::move(text);
    containers_.pop_back();
  }

  void FinishTextBox() {
    if (containers_.size() < 2 || TopKind() != ContainerKind::kTextBox) return;
    std::vector<std::string> lines = std::move(containers_.back().lines);
    containers_.pop_back();
    if (!paragraphs_.empty()) {
      auto& boxes = paragraphs_.back().text_boxes;
      boxes.insert(boxes.end(), lines.begin(), lines.end());
    } else {
      for (const std::string& line : lines) AddLine(line, ParagraphRole::kTextBox, 0);
    }
  }

  void FinishParagraph() {
    ParagraphState state = std::move(paragraphs_.back());
    paragraphs_.pop_back();
    int level = 0;
    ParagraphRole role = ClassifyParagraph(state, &level);
    if (!Trim(state.text).empty()) AddLine(state.text, role, level);
    for (const std::string& box : state.text_boxes) AddLine(box, ParagraphRole::kTextBox, 0);
  }

  // Places one paragraph's text in the innermost container.
  void AddLine(const std::string& text, ParagraphRole role, int level) {
    Container& container = containers_.back();
    if (container.kind == ContainerKind::kCell || container.kind == ContainerKind::kTextBox) {
      container.lines.push_back(text);
      return;
    }
    Paragraph paragraph;
    paragraph.text = text;
    paragraph.role = role;
    paragraph.heading_level = role == ParagraphRole::kHeading ? level : 0;
    paragraph.provenance.page = 0;
    paragraph.provenance.origin = TextOrigin::kMarkup;
    if (container.kind == ContainerKind::kFurniture) {
      document_->furniture.push_back(std::move(paragraph));
      return;
    }
    if (!budget_->AddParagraphs(1)) return;
    paragraph.provenance.block = static_cast<int>(document_->blocks.size());
    document_->blocks.push_back(Block{std::move(paragraph)});
  }

  ParagraphRole ClassifyParagraph(const ParagraphState& state, int* level) {
    if (state.outline_level >= 0 && state.outline_level <= 8) {
      *level = state.outline_level + 1;
      return ParagraphRole::kHeading;
    }
    bool numbered = state.num_id > 0;
    if (state.outline_level < 0 && state.has_style) {
      // Follow basedOn a bounded number of steps (cycles are possible).
      std::string id = state.style_id;
      int outline = -1;
      bool style_numbered = false;
      for (int step = 0; step < 16; ++step) {
        auto it = styles_.find(id);
        const int from_name = HeadingLevelFromName(
            it != styles_.end() && !it->second.name.empty() ? it->second.name : id);
        if (from_name > 0) {
          *level = from_name;
          return ParagraphRole::kHeading;
        }
        if (it == styles_.end()) break;
        if (outline < 0) outline = it->second.outline_level;
        if (step == 0 && state.num_id < 0) style_numbered = it->second.numbered;
        if (it->second.based_on.empty() || it->second.based_on == id) break;
        id = it->second.based_on;
      }
      if (outline >= 0 && outline <= 8) {
        *level = outline + 1;
        return ParagraphRole::kHeading;
      }
      numbered = numbered || style_numbered;
    }
    return numbered ? ParagraphRole::kListItem : ParagraphRole::kBody;
  }

  void FinishTable() {
    if (tables_.empty()) return;
    const OpenTable open = tables_.back();
    tables_.pop_back();
    if (open.index < 0) return;
    if (group_[static_cast<std::size_t>(open.index)].parent >= 0) return;  // waits for its root
    EmitGroup();
  }

  // Emits the root table and its nested tables (pre-order) as blocks.
  void EmitGroup() {
    std::vector<BuiltTable> built;
    built.reserve(group_.size());
    for (const RawTable& raw : group_) built.push_back(BuildTable(raw));
    std::vector<int> block_of(group_.size(), -1);
    int next_block = static_cast<int>(document_->blocks.size());
    for (std::size_t i = 0; i < group_.size(); ++i) {
      const int parent = group_[i].parent;
      const bool parent_ok = parent < 0 || block_of[static_cast<std::size_t>(parent)] >= 0;
      if (!built[i].table.cells.empty() && parent_ok) block_of[i] = next_block++;
    }
    for (std::size_t i = 0; i < group_.size(); ++i) {
      if (block_of[i] < 0) continue;
      Table& table = built[i].table;
      const int block = block_of[i];
      table.ruled = true;
      table.provenance.page = 0;
      table.provenance.block = block;
      table.provenance.origin = TextOrigin::kMarkup;
      for (TableCell& cell : table.cells) {
        cell.provenance.page = 0;
        cell.provenance.block = block;
        cell.provenance.row = cell.row;
        cell.provenance.column = cell.column;
        cell.provenance.origin = TextOrigin::kMarkup;
      }
      const RawTable& raw = group_[i];
      if (raw.parent >= 0) {
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
      document_->blocks.push_back(Block{std::move(table)});
    }
    group_.clear();
  }

  const StyleMap& styles_;
  ModelBudget* budget_;
  Document* document_;
  std::vector<Frame> frames_;
  std::vector<ParagraphState> paragraphs_;
  std::vector<Container> containers_;
  std::vector<OpenTable> tables_;
  std::vector<RawTable> group_;   // the top-level table being read and its nested tables
  std::vector<bool> fields_;      // complex fields: true while in the code half
  std::vector<bool> alternates_;  // mc:AlternateContent: a branch was already read
  int hidden_runs_ = 0;
};

}  // namespace

Status ParseStyles(std::string_view xml, const std::string& part, StyleMap* styles) {
  StyleVisitor visitor(styles);
  return StreamPart(xml, part, visitor);
}

Status WalkPart(std::string_view xml, const std::string& part, PartKind kind,
                const StyleMap& styles, ModelBudget* budget, Document* document) {
  BodyVisitor visitor(kind, styles, budget, document);
  Status status = StreamPart(xml, part, visitor);
  if (!status.ok()) return status;
  if (budget->exceeded()) return budget->Exceeded(part);
  visitor.Finish();
  return Status::Ok();
}

}  // namespace disclose::docx
