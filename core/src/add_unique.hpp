// Adds an item to a short list unless it is there already: the sources a sentence cites, the
// labels of the rules it names, kept in the order first met.
#pragma once

#include <algorithm>
#include <vector>

namespace gongji::detail {

template <typename Item>
void add_unique(std::vector<Item>& list, const Item& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

}  // namespace gongji::detail
