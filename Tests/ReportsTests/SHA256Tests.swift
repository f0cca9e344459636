import Foundation
import Testing
@testable import Reports

@Suite("SHA-256")
struct SHA256Tests {
    // Vectors from NIST's FIPS 180-2 examples (Appendix B) and the CAVP short-message tests.
    @Test("NIST vectors")
    func nistVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test("one million 'a' (FIPS 180-2 B.3)")
    func millionA() {
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // Lengths around the padding boundaries (55 fits one block, 56 needs two); digests computed
    // once with Python's hashlib.sha256(b"a" * n) and pasted here.
    @Test("padding boundaries", arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: length)) == expected)
    }

    // Computed once with hashlib: sha256(bytes(range(256)) * 4 + b"x") and sha256("…".encode()).
    @Test("every byte value, Data, and UTF-8 text")
    func bytesDataAndText() {
        let bytes = Array((0..<4).map { _ in (0...255).map(UInt8.init) }.joined()) + [UInt8(ascii: "x")]
        let expected = "8b22d5427688462387bbd8fcef9d2a1f1cb3a8886cd48e604b29e2913b663399"
        #expect(SHA256.hex(bytes) == expected)
        #expect(SHA256.hex(Data(bytes)) == expected)
        #expect(SHA256.hex("£11,000 a week – café") == "cca7564fbf3fc104fcf0299f66bd36a0cd65581d90df065917796bb45c0b31d2")
        #expect(SHA256.digest([]).count == 32)
    }
}
