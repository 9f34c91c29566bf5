// compose-check loads a Compose file with the Compose reference implementation's loader (compose-go), which
// validates it against the Compose specification's JSON schema and checks its consistency (services, volumes,
// networks and dependencies that are referenced exist). It then checks that what the file points at on disk
// exists: build contexts and their Dockerfiles, and the sources of bind mounts. On success it prints the
// resolved project as JSON, so callers can assert on the model Compose itself would run.
//
// With -context, it lists instead the files a build of the given folder sends as its context, after the folder's
// .dockerignore as Docker reads and matches it (moby/patternmatcher), as a JSON array of slash-separated paths.
//
//	go run . ../../docker-compose.yml
//	go run . -context ../..
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
)

func main() {
	if len(os.Args) == 3 && os.Args[1] == "-context" {
		files, err := buildContext(os.Args[2])
		if err != nil {
			fail(err)
		}
		out, _ := json.Marshal(files)
		fmt.Println(string(out))
		return
	}
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-check <compose file> | compose-check -context <folder>")
		os.Exit(2)
	}
	file, err := filepath.Abs(os.Args[1])
	if err != nil {
		fail(err)
	}
	opts, err := cli.NewProjectOptions(
		[]string{file},
		cli.WithWorkingDirectory(filepath.Dir(file)),
		cli.WithOsEnv,
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		fail(err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	var problems []string
	for _, name := range project.ServiceNames() {
		svc := project.Services[name]
		if svc.Build != nil {
			problems = append(problems, mustExist(name, "build context", svc.Build.Context, true)...)
			if svc.Build.DockerfileInline == "" {
				dockerfile := svc.Build.Dockerfile
				if dockerfile == "" {
					dockerfile = "Dockerfile"
				}
				if !filepath.IsAbs(dockerfile) {
					dockerfile = filepath.Join(svc.Build.Context, dockerfile)
				}
				problems = append(problems, mustExist(name, "Dockerfile", dockerfile, false)...)
			}
		}
		for _, v := range svc.Volumes {
			if v.Type == types.VolumeTypeBind {
				problems = append(problems, mustExist(name, "bind mount source", v.Source, false, true)...)
			}
		}
	}
	for name, c := range project.Configs {
		if c.File != "" {
			problems = append(problems, mustExist("configs."+name, "file", c.File, false)...)
		}
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(os.Stderr, p)
		}
		os.Exit(1)
	}
	out, err := project.MarshalJSON()
	if err != nil {
		fail(err)
	}
	fmt.Println(string(out))
}

// mustExist reports a path that is missing (or of the wrong kind: a folder where a file is expected); with
// anyKind, a file or a folder will do.
func mustExist(owner, what, path string, dir bool, anyKind ...bool) []string {
	info, err := os.Stat(path)
	if err != nil {
		return []string{fmt.Sprintf("%s: %s %s does not exist", owner, what, path)}
	}
	if len(anyKind) > 0 && anyKind[0] {
		return nil
	}
	if info.IsDir() != dir {
		return []string{fmt.Sprintf("%s: %s %s is not a %s", owner, what, path, map[bool]string{true: "folder", false: "file"}[dir])}
	}
	return nil
}

// buildContext lists the files under dir that its .dockerignore lets into a build context.
func buildContext(dir string) ([]string, error) {
	var patterns []string
	if f, err := os.Open(filepath.Join(dir, ".dockerignore")); err == nil {
		patterns, err = ignorefile.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		return nil, err
	}
	files := []string{}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if rel == "." {
			return nil
		}
		rel = filepath.ToSlash(rel)
		excluded, err := pm.MatchesOrParentMatches(rel)
		if err != nil {
			return err
		}
		if d.IsDir() {
			// an excluded folder is skipped unless an exception could bring back something inside it
			if excluded && !reincludesUnder(pm, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !excluded {
			files = append(files, rel)
		}
		return nil
	})
	return files, err
}

func reincludesUnder(pm *patternmatcher.PatternMatcher, dir string) bool {
	for _, p := range pm.Patterns() {
		text := filepath.ToSlash(p.String())
		if p.Exclusion() && (text == dir || strings.HasPrefix(text, dir+"/") || strings.ContainsAny(text, "*?[")) {
			return true
		}
	}
	return false
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
