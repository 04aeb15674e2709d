//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ctrl+C ends `summary -` while stdin sends nothing: exit 130, saying so.
func TestInterruptEndsABlockedStdin(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	var errOut bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"summary", "-"}, pr, io.Discard, &errOut) }()
	time.Sleep(300 * time.Millisecond) // the load is waiting on stdin, with Ctrl+C caught
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 130 || !strings.Contains(errOut.String(), "interrupted") {
			t.Errorf("exit %d, stderr %q; want 130 and interrupted", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl+C did not end the read of stdin")
	}
}
