#include <nlohmann/json.hpp>

#include "export/export.h"

namespace disclose {

std::string DocumentToJson(const Document& document, const NormalizedDocument&) {
  nlohmann::ordered_json json;
  json["source"]["name"] = document.source.name;
  return json.dump(2) + "\n";
}

std::string ErrorToJson(const std::string& source_name, const Status& status) {
  nlohmann::ordered_json json;
  json["source"] = source_name;
  json["code"] = std::string(ErrorCodeName(status.code()));
  json["message"] = status.message();
  return json.dump(2) + "\n";
}

}  // namespace disclose
