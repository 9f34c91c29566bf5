//go:build tools

// Pins the generator and the runtime its clients import (go.mod, go.sum): `go run` of the generator and `go build`
// of a generated client then need nothing beyond the Go module proxy.
package tools

import (
	_ "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen"
	_ "github.com/oapi-codegen/runtime"
)
