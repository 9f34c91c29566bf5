module github.com/sabnode/sabnode-go

go 1.24
