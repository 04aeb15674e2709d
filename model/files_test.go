//go:build unix

package model

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A read that blocks (stdin sending nothing) ends when the load is cancelled (Ctrl+C).
func TestCancelEndsABlockedRead(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := LoadReader(ctx, pr, "-", testOptions())
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the load still waits on its input after being cancelled")
	}
}

// A named pipe is opened once: a writer that wrote its export and left is read in full.
func TestNamedPipeIsOpenedOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal("making a named pipe:", err)
	}
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.Write(genCSV(10))
		f.Close()
	}()
	done := make(chan error, 1)
	go func() {
		ds, err := Load(context.Background(), []string{path}, testOptions())
		if err == nil && len(ds.Leads) != 10 {
			err = errors.New("not every lead read")
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(10 * time.Second):
		// Release the load: open the pipe for writing and close it.
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatal("the load waits forever on a named pipe whose writer has finished")
	}
}

// Exports honour the umask (lead data is personal data), keep an existing file's mode with
// force, and leave no temporary file behind when cancelled.
func TestExportFileModes(t *testing.T) {
	ds := genDataset(t, 20)
	dir := t.TempDir()
	mode := func(p string) os.FileMode {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	private := filepath.Join(dir, "private.csv")
	if err := ds.ExportFile(private, ds.All(), ExportOptions{}, false); err != nil {
		t.Fatal(err)
	}
	if m := mode(private); m != 0o600 {
		t.Errorf("umask 077: mode %o, want 600", m)
	}
	syscall.Umask(0o022)
	shared := filepath.Join(dir, "shared.csv")
	if err := ds.ExportFile(shared, ds.All(), ExportOptions{}, false); err != nil {
		t.Fatal(err)
	}
	if m := mode(shared); m != 0o644 {
		t.Errorf("umask 022: mode %o, want 644", m)
	}
	if err := ds.ExportFile(private, ds.All(), ExportOptions{}, true); err != nil {
		t.Fatal(err)
	}
	if m := mode(private); m != 0o600 {
		t.Errorf("--force over a 600 file: mode %o, want 600 kept", m)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cancelled := filepath.Join(dir, "cancelled.csv")
	if err := ds.ExportFileContext(ctx, cancelled, ds.All(), ExportOptions{}, false); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files left: %v, want private.csv and shared.csv only", entries)
	}
}

// Cancelling ends the wait for a named pipe's writer.
func TestCancelEndsTheWaitForAPipeWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal("making a named pipe:", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Load(ctx, []string{path}, testOptions())
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatal("the load still waits for a writer after being cancelled")
	}
}
