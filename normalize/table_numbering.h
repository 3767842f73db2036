// Private to normalize/: the numbering of tables a document prints itself
// (its table of contents or list of tables: 目录 … 一、收支总表 … 二、收入总表),
// and the number printed on one table (公开05表, 表五, 附表5, 预算05表, 五、).
// Identification reads a table's number against the document's own list; the
// national default numbering is only the fallback when the document prints
// none.
//
//   TableNumbering listed = ReadTableNumbering(document);
//   listed.titles.at(2)                     -> "收入总表"
//   PrintedTableNumber("公开 05 表")         -> 5
//   PrintedTableNumber("十一、国有资本经营预算支出表") -> 11
//   PrintedTableNumber("收入总表（预算表2）")  -> 2
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

struct TableNumbering {
  std::map<int, std::string> titles;  // table number -> its title as listed
  bool printed = false;               // the document's own list; false for the default numbering
};

// The table number a line prints at its start (公开01表, 表 1, 附表1, 预算01表,
// 一、, 1、) or in a bracket after its title (（公开01表）, (预算表2)).
std::optional<int> PrintedTableNumber(std::string_view line);

// The list of tables printed before the first table: a run of at least three
// lines numbered 1, 2, 3, … each naming a table; empty when there is none.
TableNumbering ReadTableNumbering(const Document& document);

// The titles of the list of tables printed before the first table, in printed order, whatever
// their numbers read as: a run of at least three lines that are table titles once a leading
// number (or what a scan made of it: 凡耳II、, 地、, a lone 、) is taken off. On a scan the
// numbers are what OCR reads worst, and ReadTableNumbering needs two read right; the titles
// still say which tables the document prints. Empty when there is no such run.
std::vector<std::string> ReadListedTitles(const Document& document);

// An OCR'd title whose last character, 表, was misread or lost (一般公共预算财政拨款支出决算天,
// 一般公共预算支出情况圾): the title with 表 in its place, when that names a standard table of a
// budget or a final account; nullopt otherwise. No title ends otherwise than in 表.
std::optional<std::string> WithMisreadTableRestored(const std::string& title);

// The standard numbering of the national templates (部门决算 公开01-09表,
// 部门预算 01-08表), for a document that prints no list.
TableNumbering DefaultTableNumbering(DocKind kind);

}  // namespace disclose
