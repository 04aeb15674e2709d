// Command baseline is the plain Go yardstick of bench/compare.sh: it reads a Marketo export with
// encoding/csv, finds the first reply code and enhanced code of each lead's reason with one
// precompiled regular expression, and prints how many leads have each pair.
package main

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
)

var code = regexp.MustCompile(`(?:^|[^\d.])([245]\d\d)(?:[ -]+#?([245]\.\d{1,3}\.\d{1,3}))?(?:[^\d.]|$)`)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: baseline EXPORT.csv")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
}

type pair struct{ basic, enhanced string }

func run(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return err
	}
	invalid, suspended := slices.Index(header, "Email Invalid Cause"), slices.Index(header, "Email Suspended Cause")
	if invalid < 0 || suspended < 0 {
		return fmt.Errorf("%s: no Email Invalid Cause or Email Suspended Cause column", path)
	}
	groups := map[pair]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		text := rec[invalid]
		if text == "" {
			text = rec[suspended]
		}
		var p pair
		if m := code.FindStringSubmatch(text); m != nil {
			p = pair{m[1], m[2]}
		}
		groups[p]++
	}
	type group struct {
		pair
		n int
	}
	var gs []group
	for p, n := range groups {
		gs = append(gs, group{p, n})
	}
	slices.SortFunc(gs, func(a, b group) int { return cmp.Compare(b.n, a.n) })
	w := bufio.NewWriter(os.Stdout)
	for _, g := range gs {
		fmt.Fprintln(w, g.basic, g.enhanced, g.n)
	}
	return w.Flush()
}
