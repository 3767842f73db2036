// Private to extract/ocr: print the page pass read twice. Tesseract's layout
// analysis can build two text lines over the same ink: a ruled header whose
// one-line cells stand beside a wrapped one ("采购品目大类" beside "一般公共" over
// "预算资金") got a line of the single row and a second, twice as tall, over
// both rows, and each read the characters again. Put into one cell by their
// boxes, the two readings interleave ("采采购购品品目大目类大类", read sure of
// itself at 98) and key nothing.
//
// Where two symbols of different lines cover the same ink, and one line is at
// least half as tall again as the other, the one of the taller line (the one
// spanning rows) is dropped and the other keeps its place with confidence 0, as
// a piece read out of its context: the cell holding it is then read again on
// its own (a wrapped cell line by line). Of two lines about as tall (one row
// split into two overlapping lines), the less sure symbol is dropped, and the
// other is doubtful as well.
//
//   std::vector<Symbol> symbols = engine.RecognizePage(image, dpi, deadline);
//   int doubled = DropInkReadTwice(symbols);
#pragma once

#include <vector>

#include "extract/ocr/ocr_engine.h"

namespace disclose::ocr {

// Two symbols cover the same ink when their boxes' intersection is at least
// this share of the smaller box: neighbours on one line touch, and the LSTM's
// boxes of one reading overlap their neighbours by a stroke, well under half.
constexpr double kSameInkShare = 0.5;

// Drops the symbols read a second time by an overlapping line, as above;
// returns the number dropped. Symbols of one line are never compared with
// each other.
int DropInkReadTwice(std::vector<Symbol>& symbols);

}  // namespace disclose::ocr
