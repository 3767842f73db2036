// dataset/datapackage: OUT/datapackage.json, a Frictionless Tabular Data Package describing
// facts.csv, documents.csv and findings.csv, with Fiscal Data Package column types where they
// fit. Private to dataset/; docs/dataset.md explains each field.
#pragma once

#include <filesystem>

#include "core/status.h"
#include "dataset/dataset.h"

namespace disclose {

// Written last, after the CSVs are in place (their sizes are recorded).
Status WriteDataPackage(const std::filesystem::path& out_dir, const DatasetSummary& summary);

}  // namespace disclose
