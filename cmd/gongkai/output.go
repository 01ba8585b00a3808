package main

import "gongkai/internal/atomicfile"

// output is one file a command writes.
type output = atomicfile.File

// writeAll writes the outputs all or nothing (package internal/atomicfile).
func writeAll(outs []output) error { return atomicfile.WriteAll(outs) }
