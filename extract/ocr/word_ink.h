// Private to extract/ocr: each word's box drawn to its ink. Tesseract's word box
// may reach well past the print, over the white between two cells of a table
// without rules: a "预" ending a label was boxed 18 pt wide of its ink, to the
// edge of the amount in the next cell ("一、一般公共预" | "29,026，"), and the
// label and the amount, glyphs touching, were read as one chunk: the row was
// lost (H25 s3w_0397). The box is shrunk to the columns that hold ink within
// the word's text line; it never grows.
//
//   std::vector<Symbol> symbols = engine.RecognizePage(text_image, dpi, deadline);
//   ocr::DropMarksWithoutInk(text_image, symbols);
//   ocr::SplitAmountWordsAtInkGaps(text_image, symbols);
//   ocr::TrimWordsToInk(text_image, symbols);
//   ocr::JoinWordsTouchingInPrint(text_image, ruling.erased.get(), symbols);
//   content.glyphs = ocr::ToGlyphs(symbols, 72.0 / dpi);
#pragma once

#include <vector>

#include "extract/ocr/ocr_engine.h"

struct Pix;

namespace disclose::ocr {

// A pixel column counts as ink with at least this many ink pixels in the
// word's band: one alone is a speck of the scan's noise.
constexpr int kMinInkPixelsPerColumn = 2;

// A word of punctuation alone with no ink in its box (nor within kMarkInkMarginEm of it, nor
// between the words either side of it on its line) on its text line is dropped: the LSTM invents
// marks in the white between two cells, and a "。" read between a label and the amount of the next
// cell (一、一般公共预算拨款 。 57,860,635.62, no print there, H33 s3w_0514_budget) bridged the
// gap, and label and amount were one cell that is no figure. Any pixel counts as ink here: a thin
// "-" or "." must stay.
constexpr double kMarkInkMarginEm = 0.15;
void DropMarksWithoutInk(const Pix* text_image, std::vector<Symbol>& symbols);

// Shrinks the word box (word_x0, word_x1) of each word on a horizontal text
// line of `symbols` to the ink of `text_image` (1 bpp, ink 1, the image the
// symbols were read from) between its line's top and bottom, and its symbols'
// boxes into it. A word with no ink in its box keeps it.
void TrimWordsToInk(const Pix* text_image, std::vector<Symbol>& symbols);

// A word of digits and marks read over the white between two cells is two words: where the
// columns of the word's line hold no ink for at least pdf::unruled::kDigitGapEm (the gap the
// table detector reads as a cell boundary beside a digit), with digits on both sides, the word is
// cut there. The page pass of a table with narrow columns read "1,407,230." ending one cell and
// "946,595.11" beginning the next as one word, and invented a "，" in the white between them;
// grouped by the word box, the two were one figure that is no amount (H31 s3w_0487_final). A mark
// read in the gap stays with the part before it; the right part takes a new word index.
void SplitAmountWordsAtInkGaps(const Pix* text_image, std::vector<Symbol>& symbols);

// The white between two words of a text line narrower than this (in em) is the space between
// two characters of one cell, never between two cells (at least two cells' padding, ~1 em).
constexpr double kCharacterGapEm = 0.3;

// Two words of text (no digit) on one text line whose boxes stand apart but whose print touches:
// the columns between them hold ink, and no white run there is kCharacterGapEm wide. The LSTM
// boxes a word short of its first character's ink (农林水 | 支出 boxed 12 pt apart over 支's
// print, H31 s3w_0483_final): the label was two chunks, its row three of text and no row, and
// the rows under it were lost. The right word's box is drawn back to the ink between them.
// Never across a rule: where `erased` (the rules' pixels taken out of `text_image`, may be null)
// holds a pixel between the two words, they are two cells of a ruled table (合计 | 基本支出,
// whose rule's remnant was ink between them: 合计基 keyed no column, zj_hangzhou_police p30).
void JoinWordsTouchingInPrint(const Pix* text_image, const Pix* erased,
                              std::vector<Symbol>& symbols);

}  // namespace disclose::ocr
