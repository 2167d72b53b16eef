// Orders a short list (a warning's few items) stably, by insertion: a few dozen bytes of code per
// use where std::sort and std::stable_sort instantiate kilobytes per comparator in the module.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace gongji::detail {

template <typename T, typename Less>
void sort_small(std::vector<T>& items, Less less) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    for (std::size_t j = i; j > 0 && less(items[j], items[j - 1]); --j) {
      std::swap(items[j], items[j - 1]);
    }
  }
}

}  // namespace gongji::detail
