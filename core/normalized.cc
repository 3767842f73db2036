#include "core/normalized.h"

namespace disclose {

std::string_view DocumentClassName(DocumentClass document_class) {
  switch (document_class) {
    case DocumentClass::kDepartmentDisclosure: return "department_disclosure";
    case DocumentClass::kGovernmentReport: return "government_report";
    case DocumentClass::kOther: return "other";
    case DocumentClass::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view DocKindName(DocKind kind) {
  switch (kind) {
    case DocKind::kBudget: return "budget";
    case DocKind::kFinalAccounts: return "final_accounts";
    case DocKind::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view UnitOfAmountName(UnitOfAmount unit) {
  switch (unit) {
    case UnitOfAmount::kYuan: return "yuan";
    case UnitOfAmount::kWanYuan: return "wan_yuan";
    case UnitOfAmount::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view UnitSourceName(UnitSource source) {
  switch (source) {
    case UnitSource::kDeclared: return "declared";
    case UnitSource::kDocumentDefault: return "document_default";
    case UnitSource::kInferred: return "inferred";
    case UnitSource::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "warning";
}

std::vector<Figure> NormalizedDocument::AllFigures() const {
  std::vector<Figure> figures;
  for (const CanonicalTable& table : tables) {
    for (const CanonicalRow& row : table.rows) {
      figures.insert(figures.end(), row.values.begin(), row.values.end());
    }
  }
  figures.insert(figures.end(), narrative.begin(), narrative.end());
  return figures;
}

}  // namespace disclose
