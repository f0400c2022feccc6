// Command egret codes political event data from raw text: it reads news and statements and writes CAMEO- and PLOVER-coded events.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/fetch"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := NewMain().Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// Main wires egret's commands to their dependencies. Tests build one with
// their own streams, clock and environment and call Run.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	Getenv func(string) string
	Logger *slog.Logger
	// IsTerminal reports whether progress bars may be drawn on Stderr.
	IsTerminal bool
	// Ready, when set, is called with the address a server listens on
	// (end-to-end tests start `serve` on :0 and need the port).
	Ready func(addr string)
	// OpenStore opens the store --db names (default openStore).
	OpenStore func(ctx context.Context, db string) (egret.Store, error)
	// Clock is the time source of feed polling: politeness delays,
	// retries, poll intervals (default the system clock).
	Clock fetch.Clock
}

// NewMain returns a Main on the process's streams.
func NewMain() *Main {
	fi, err := os.Stderr.Stat()
	term := err == nil && fi.Mode()&os.ModeCharDevice != 0
	return &Main{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Now: time.Now, Getenv: os.Getenv, IsTerminal: term,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}
}

// Run executes one command line and returns the process exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	root := m.rootCmd()
	root.SetArgs(args)
	root.SetIn(m.Stdin)
	root.SetOut(m.Stdout)
	root.SetErr(m.Stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		var e *egret.Error
		if errors.As(err, &e) {
			fmt.Fprintln(m.Stderr, "egret:", e.Error())
		} else {
			fmt.Fprintln(m.Stderr, "egret:", err)
		}
		if ce := (exitError{}); errors.As(err, &ce) {
			return ce.code
		}
		return 1
	}
	return 0
}

// exitError carries a specific exit code (e.g. 2 for validation below bar).
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func (m *Main) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "egret",
		Short:         "Code political events (CAMEO, PLOVER) from news text",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	var logFormat string
	root.PersistentFlags().StringVar(&logFormat, "log-format", "text", "log records as text or json (watch and serve log with stable keys)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		switch logFormat {
		case "text":
		case "json":
			m.Logger = slog.New(slog.NewJSONHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
		default:
			return egret.Errorf(egret.EINVALID, "--log-format %q: want text or json", logFormat)
		}
		return nil
	}
	root.AddCommand(m.codeCmd(), m.validateCmd(), m.explainCmd(), m.dictCmd(), m.geoCmd(),
		newIngestCmd(m), newServeCmd(m), newExportCmd(m), newWatchCmd(m), newFeedsCmd(m), m.parseCmd(),
		newWorkerCmd(m), newNATSCmd(m))
	return root
}
