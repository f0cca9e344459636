/// LLVM's prefetch intrinsic: asks the processor to start loading the cache line at an address,
/// without waiting for it. Swift has no prefetch of its own; the intrinsic is reached by its LLVM
/// name (`prefetcht0` on x86-64, `prfm` on ARM). A hint only: it cannot change any result.
@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ dataCache: Int32)

/// Starts loading the cache line holding `pointer`'s target, to read soon (kept in every cache level).
@inline(__always)
func prefetch<T>(_ pointer: UnsafePointer<T>) {
    llvmPrefetch(UnsafeRawPointer(pointer), 0, 3, 1)
}
