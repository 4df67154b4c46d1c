import Glibc
import LibFuzzer

// libFuzzer's driver parses the flags and calls the harness for each input.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzDeclarationImport))
