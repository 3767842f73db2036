// Private to normalize/: the two identities of a 三公 table, spelled once for the stages that
// key its rows and columns by them and for validation, which checks them:
//
//   合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费
//   公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费
//
// A table that does not print the vehicle subtotal sums its two parts into the total instead:
//
//   for (std::string_view code : ThreePublicTotalItems(/*vehicle_subtotal=*/false)) …
//   // overseas, vehicle_purchase, vehicle_operation, reception
#pragma once

#include <array>
#include <string_view>
#include <vector>

namespace disclose {

inline constexpr std::string_view kThreePublicTotal = "three_public.total";
inline constexpr std::string_view kThreePublicVehicleTotal = "three_public.vehicle_total";

// The parts of the vehicle subtotal (公务用车购置及运行费).
inline constexpr std::array<std::string_view, 2> kThreePublicVehicleParts = {
    "three_public.vehicle_purchase", "three_public.vehicle_operation"};

// The row codes whose sum the 三公 total is: the vehicle subtotal when the table prints it
// (`vehicle_subtotal`), else its two parts, between 因公出国（境）费 and 公务接待费.
inline std::vector<std::string_view> ThreePublicTotalItems(bool vehicle_subtotal) {
  if (vehicle_subtotal) {
    return {"three_public.overseas", kThreePublicVehicleTotal, "three_public.reception"};
  }
  return {"three_public.overseas", kThreePublicVehicleParts[0], kThreePublicVehicleParts[1],
          "three_public.reception"};
}

}  // namespace disclose
