package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// Docker is not available where the tests run: these tests read the
// compose file and the Dockerfile and check what must hold in them.

type composeFile struct {
	Services map[string]struct {
		Build       any               `yaml:"build"`
		Ports       []string          `yaml:"ports"`
		Environment map[string]string `yaml:"environment"`
		Volumes     []string          `yaml:"volumes"`
		Healthcheck struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
		StopSignal string `yaml:"stop_signal"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func TestComposeFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("docker-compose.yml does not parse: %v", err)
	}
	svc, ok := c.Services["jiyao"]
	if !ok {
		t.Fatalf("no jiyao service in %v", c.Services)
	}
	if svc.Build == nil {
		t.Error("the service is not built from the Dockerfile")
	}
	if !slices.Contains(svc.Ports, "8080:8080") {
		t.Errorf("ports %v do not publish 8080", svc.Ports)
	}
	if svc.Environment["JIYAO_ADDR"] != "0.0.0.0:8080" {
		t.Errorf("JIYAO_ADDR = %q; the server must listen on all interfaces of the container, port 8080", svc.Environment["JIYAO_ADDR"])
	}
	// The index lives on a named volume, mounted where JIYAO_INDEX points.
	var mounted string
	for _, v := range svc.Volumes {
		name, dst, _ := strings.Cut(v, ":")
		if _, named := c.Volumes[name]; named {
			mounted = dst
		}
	}
	if mounted == "" || !strings.HasPrefix(svc.Environment["JIYAO_INDEX"], mounted+"/") {
		t.Errorf("JIYAO_INDEX %q is not on a named volume (volumes %v, top-level %v)", svc.Environment["JIYAO_INDEX"], svc.Volumes, c.Volumes)
	}
	if _, ok := svc.Environment["JIYAO_TOKEN"]; !ok {
		t.Error("JIYAO_TOKEN is not passed from the environment")
	}
	hc := strings.Join(svc.Healthcheck.Test, " ")
	if !strings.Contains(hc, "http://127.0.0.1:8080/readyz") {
		t.Errorf("healthcheck %q does not probe /readyz on 8080", hc)
	}
	if svc.StopSignal != "" && svc.StopSignal != "SIGTERM" && svc.StopSignal != "SIGINT" {
		t.Errorf("stop_signal %s does not drain the server", svc.StopSignal)
	}
}

func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	df := string(b)
	froms := regexp.MustCompile(`(?m)^FROM\s`).FindAllStringIndex(df, -1)
	if len(froms) < 2 {
		t.Errorf("Dockerfile has %d stages, want a build stage and a runtime stage", len(froms))
	}
	for _, want := range []string{"CGO_ENABLED=0", "./cmd/jiyao", "COPY --from=build", "HEALTHCHECK", "/readyz", "EXPOSE 8080", `VOLUME ["/data"]`, "JIYAO_INDEX=/data/index"} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	users := regexp.MustCompile(`(?m)^USER\s+(\S+)`).FindAllStringSubmatch(df, -1)
	if len(users) == 0 || strings.HasPrefix(users[len(users)-1][1], "root") || strings.HasPrefix(users[len(users)-1][1], "0") {
		t.Errorf("the image does not run as a non-root user: USER %v", users)
	}
	// The runtime stage must have the tool the healthcheck runs.
	if strings.Contains(df, "wget") && !strings.Contains(df[froms[len(froms)-1][0]:], "alpine") {
		t.Error("the healthcheck uses wget but the runtime image is not alpine (busybox)")
	}
}
