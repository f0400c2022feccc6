// Command gigaword2jsonl turns PETRARCH XML sentence records into JSON Lines, repeated N times, as benchmark input.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gigaword2jsonl RECORDS.xml N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "N must be a positive integer")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var docs []*egret.Document
	rd := &docio.Reader{Name: os.Args[1], Format: docio.FormatXML, Bad: func(b docio.BadRecord) { fmt.Fprintln(os.Stderr, b) }}
	if err := rd.Read(f, func(d *egret.Document) error { docs = append(docs, d); return nil }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	for i := range n {
		for _, d := range docs {
			enc.Encode(map[string]string{"id": fmt.Sprintf("%s-%d", d.ID, i), "text": d.Text, "date": docio.FormatDate(d.Date)})
		}
	}
}
