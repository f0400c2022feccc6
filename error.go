package egret

import (
	"errors"
	"fmt"
)

// Application error codes; the http package maps them to status codes.
const (
	EINVALID   = "invalid"   // bad input from the user
	ENOTFOUND  = "not_found" // a named thing does not exist
	ECONFLICT  = "conflict"
	EUNAUTH    = "unauthorized"
	EFORBIDDEN = "forbidden" // refused whoever asks: another origin, an unknown host
	ETOOLARGE  = "too_large"
	EINTERNAL  = "internal"
)

// Error is egret's one application error type.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EINTERNAL for non-egret errors and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
