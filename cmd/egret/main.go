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
	"runtime/pprof"
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
	root, stopProfile := m.rootCmd()
	root.SetArgs(args)
	root.SetIn(m.Stdin)
	root.SetOut(m.Stdout)
	root.SetErr(m.Stderr)
	err := root.ExecuteContext(ctx)
	if perr := stopProfile(); err == nil {
		err = perr // (a failed command's own error says more)
	}
	if err != nil {
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

// rootCmd returns the command tree and a function that ends the CPU
// profile --cpuprofile started, whether or not the command succeeded.
func (m *Main) rootCmd() (*cobra.Command, func() error) {
	root := &cobra.Command{
		Use:           "egret",
		Short:         "Code political events (CAMEO, PLOVER) from news text",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	var logFormat, cpuProfile string
	var profile *os.File
	root.PersistentFlags().StringVar(&logFormat, "log-format", "text", "log records as text or json (watch and serve log with stable keys)")
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the command to this file (read it with go tool pprof)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		switch logFormat {
		case "text":
		case "json":
			m.Logger = slog.New(slog.NewJSONHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
		default:
			return egret.Errorf(egret.EINVALID, "--log-format %q: want text or json", logFormat)
		}
		if cpuProfile != "" {
			f, err := os.Create(cpuProfile)
			if err != nil {
				return egret.Errorf(egret.EINVALID, "--cpuprofile: %v", err)
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				f.Close()
				return egret.Errorf(egret.EINTERNAL, "--cpuprofile %s: %v", cpuProfile, err)
			}
			profile = f
		}
		return nil
	}
	stopProfile := func() error {
		if profile == nil {
			return nil
		}
		pprof.StopCPUProfile()
		err := profile.Close()
		profile = nil
		if err != nil {
			return egret.Errorf(egret.EINTERNAL, "--cpuprofile %s: %v", cpuProfile, err)
		}
		return nil
	}
	root.AddCommand(m.codeCmd(), m.validateCmd(), m.explainCmd(), m.dictCmd(), m.geoCmd(),
		newIngestCmd(m), newServeCmd(m), newExportCmd(m), newWatchCmd(m), newFeedsCmd(m), m.parseCmd(),
		newWorkerCmd(m), newNATSCmd(m))
	return root, stopProfile
}
