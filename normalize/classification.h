// Private to normalize/: the national expenditure classifications
// (支出功能分类科目 类 names and 经济分类科目 names) used to code rows printed by
// name only and to check that a printed code and name agree.
//
//   FunctionClassCode("社会保障和就业支出")  -> "208"
//   FunctionClassCode("八、社会保障和就业")    -> "208" (ordinal and 支出 optional)
//   KnownFunctionClassName("210")           -> {"卫生健康支出", "医疗卫生与计划生育支出"}
//   KnownFunctionSubclassNames("2120101")   -> {"行政运行"}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace disclose {

std::optional<std::string> FunctionClassCode(std::string_view printed_name);
std::vector<std::string> KnownFunctionClassNames(std::string_view class_code);
// A class name cut at its cell's edge on a scan (二、自然资源海洋气 for 自然资源海洋气象等支出):
// the class whose name, and no other class's, begins with the printed name (ordinal left out), at
// least five characters of it; nullopt otherwise, and for a whole name (FunctionClassCode's).
//   CutFunctionClassCode("二、自然资源海洋气") -> "220"
//   CutFunctionClassCode("社会保障")           -> nullopt (too short to say)
std::optional<std::string> CutFunctionClassCode(std::string_view printed_name);
// A class name after a prefix a scan garbled (1、1上加科学技术支出 for 一、科学技术支出): the class
// whose whole name ends the printed name, after at most five characters of which one at least
// is a digit or an ordinal's mark (、 . ．); nullopt otherwise.
//   FunctionClassCodeAfterAGarbledPrefix("1、1上加科学技术支出") -> "206"
//   FunctionClassCodeAfterAGarbledPrefix("其他科学技术支出")      -> nullopt (a 项's name)
std::optional<std::string> FunctionClassCodeAfterAGarbledPrefix(std::string_view printed_name);
// The names a 款 or 项 code (5 or 7 digits) is printed with, as the documents in ../shared print
// them (normalize/function_subclasses.inc, written by scripts/harvest-subclasses.py); empty when
// none of them prints the code.
std::vector<std::string> KnownFunctionSubclassNames(std::string_view code);
// The 款 codes under a class (3 digits) or the 项 codes under a 款 (5 digits) that the documents
// print, in code order: KnownFunctionChildCodes("224") -> {"22401", "22402", ..., "22406", ...}.
std::vector<std::string> KnownFunctionChildCodes(std::string_view parent);
// Whether the generated 款/项 table is in code order, as KnownFunctionSubclassNames's binary
// search needs (a test of the generator's output).
bool FunctionSubclassesInCodeOrder();
// Every class name the classification has used, in code order, editions' spellings included.
std::vector<std::string> AllFunctionClassNames();

}  // namespace disclose
