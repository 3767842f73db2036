#include <iostream>

int main() {
  std::cerr << "disclose: not implemented yet\n";
  return 2;
}
