//go:build windows

package main

import (
	"syscall"
	"unsafe"
)

// startedWithoutTerminal: the console gongkai writes to was created for it
// alone, which is what double-clicking gongkai.exe in Explorer does; started
// from cmd.exe or PowerShell, the shell shares the console.
func startedWithoutTerminal() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), 2)
	return n == 1
}
