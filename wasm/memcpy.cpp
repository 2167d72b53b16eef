// The module's memcpy. Emscripten's libc at -Oz copies one byte at a time (its memcpy for size),
// and the module copies strings all the time: 11-14% of a small family's evaluation in Node.js
// went there (README, Performance). Eight bytes at a time instead; WebAssembly allows unaligned
// loads and stores. This definition replaces libc's weak one. Compiled with -fno-builtin
// (CMakeLists.txt) so that the compiler does not turn its loops back into a call to memcpy.
// It must copy forwards, each word loaded before it is stored: libc's memmove calls memcpy when
// the destination is below the source, overlapping or not (a backward or last-word-first copy
// here would break memmove).
#include <cstddef>
#include <cstdint>

extern "C" void* memcpy(void* destination, const void* source, std::size_t size) {
  auto* to = static_cast<unsigned char*>(destination);
  const auto* from = static_cast<const unsigned char*>(source);
  for (; size >= 8; size -= 8, to += 8, from += 8) {
    std::uint64_t word;
    __builtin_memcpy(&word, from, 8);
    __builtin_memcpy(to, &word, 8);
  }
  while (size-- > 0) *to++ = *from++;
  return destination;
}
