// Orders a short list stably, by insertion: a few dozen bytes of code per use where std::sort and
// std::stable_sort instantiate close to a kilobyte per element type and comparator in the module.
// For the evaluation's lists, each a few dozen long at most: a warning's items, the rules an answer
// used, the sources it cites, a region's rule dates, a person's holders in order of preference.
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
