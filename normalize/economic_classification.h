// Private to normalize/: the expenditure economic classification (部门预算支出经济分类科目, the
// 301-399 款 codes a department's basic expenditure tables print), to check that a code read by
// OCR and its row's name agree. The names are the 2018 edition's, with the spellings and the
// older editions' codes the documents in ../shared print (30104 其他社会保障缴费, 30311
// 住房公积金).
//
//   EconomicCodesNamed("电费")            -> {"30206"}
//   EconomicCodesNamed("维修(护)费")      -> {"30213"} (brackets' width and spaces ignored)
//   IsEconomicCode("30220")               -> false (no edition has it)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace disclose {

// The 款 codes (5 digits) the classification prints with `name`, in code order; empty for a name
// it does not have.
std::vector<std::string> EconomicCodesNamed(std::string_view name);

// Whether some edition of the classification has the 款 code `code`.
bool IsEconomicCode(std::string_view code);

}  // namespace disclose
