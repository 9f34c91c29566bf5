package sabnode

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// APIError is an error answer of the API (an RFC 9457 problem). Each status has its own type wrapping it
// (BadRequestError, NotFoundError, …); errors.As finds either.
type APIError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Code is the problem's stable machine-readable code, e.g. "contact_phone_taken".
	Code string
	// Type is the problem's stable URI per code, where the code is documented.
	Type string
	// Title and Detail are the problem's human-readable summary and explanation.
	Title  string
	Detail string
	// RequestID identifies the request in the server's logs (the Request-Id header).
	RequestID string
	// Errors lists the invalid fields, each with a JSON pointer.
	Errors []FieldError
	// RetryAfter is the answer's Retry-After (0 when absent).
	RetryAfter time.Duration
	// Problem is the whole problem body (ExistingID, MissingScopes, Diff, … live there).
	Problem *Problem
	// Header is the answer's headers.
	Header http.Header
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("sabnode: %d %s", e.StatusCode, e.Code)
	if e.Detail != "" {
		msg += ": " + e.Detail
	} else if e.Title != "" {
		msg += ": " + e.Title
	}
	if e.RequestID != "" {
		msg += " (request " + e.RequestID + ")"
	}
	return msg
}

// BadRequestError is a 400: the request is malformed or invalid (see Errors).
type BadRequestError struct{ *APIError }

// AuthenticationError is a 401: the key is missing, unknown, revoked or expired.
type AuthenticationError struct{ *APIError }

// PermissionDeniedError is a 403: the key lacks a scope (Problem.MissingScopes) or may not call the operation.
type PermissionDeniedError struct{ *APIError }

// NotFoundError is a 404.
type NotFoundError struct{ *APIError }

// ConflictError is a 409, e.g. idempotency_key_reused (Problem.Diff) or idempotency_in_progress.
type ConflictError struct{ *APIError }

// UnprocessableEntityError is a 422: the request is valid but cannot be applied (e.g. a uniqueness conflict,
// with Problem.ExistingID).
type UnprocessableEntityError struct{ *APIError }

// RateLimitError is a 429; RetryAfter says when to try again.
type RateLimitError struct{ *APIError }

// ServerError is a 5xx.
type ServerError struct{ *APIError }

func (e *BadRequestError) Unwrap() error          { return e.APIError }
func (e *AuthenticationError) Unwrap() error      { return e.APIError }
func (e *PermissionDeniedError) Unwrap() error    { return e.APIError }
func (e *NotFoundError) Unwrap() error            { return e.APIError }
func (e *ConflictError) Unwrap() error            { return e.APIError }
func (e *UnprocessableEntityError) Unwrap() error { return e.APIError }
func (e *RateLimitError) Unwrap() error           { return e.APIError }
func (e *ServerError) Unwrap() error              { return e.APIError }

// ConnectionError is a failure to get an answer: the connection failed or dropped, or the attempt timed out.
type ConnectionError struct{ Err error }

func (e *ConnectionError) Error() string { return "sabnode: connection error: " + e.Err.Error() }
func (e *ConnectionError) Unwrap() error { return e.Err }

func newAPIError(resp *http.Response, body []byte) error {
	e := &APIError{StatusCode: resp.StatusCode, Header: resp.Header, RequestID: resp.Header.Get("Request-Id"), RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"))}
	var p Problem
	if json.Unmarshal(body, &p) == nil && p.Code != "" {
		e.Problem = &p
		e.Code, e.Type, e.Title, e.Errors = p.Code, p.Type, p.Title, p.Errors
		if p.Detail != nil {
			e.Detail = *p.Detail
		}
		if e.RequestID == "" {
			e.RequestID = p.RequestID
		}
	} else {
		e.Title = http.StatusText(resp.StatusCode)
	}
	switch {
	case resp.StatusCode == 400:
		return &BadRequestError{e}
	case resp.StatusCode == 401:
		return &AuthenticationError{e}
	case resp.StatusCode == 403:
		return &PermissionDeniedError{e}
	case resp.StatusCode == 404:
		return &NotFoundError{e}
	case resp.StatusCode == 409:
		return &ConflictError{e}
	case resp.StatusCode == 422:
		return &UnprocessableEntityError{e}
	case resp.StatusCode == 429:
		return &RateLimitError{e}
	case resp.StatusCode >= 500:
		return &ServerError{e}
	}
	return e
}
