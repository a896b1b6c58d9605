# syntax=docker/dockerfile:1
# Jiyao: build a static binary, run it as a non-root user with the index on
# a volume. Settings come from the environment (see docker-compose.yml).

FROM golang:1.26-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ENV CGO_ENABLED=0 GOFLAGS=-buildvcs=false
RUN go build -trimpath -ldflags="-s -w" -o /out/jiyao ./cmd/jiyao

FROM alpine:3.22
RUN addgroup -S -g 10001 jiyao && adduser -S -D -H -u 10001 -G jiyao jiyao \
 && mkdir -p /data && chown jiyao:jiyao /data
COPY --from=build /out/jiyao /usr/local/bin/jiyao
USER jiyao:jiyao
ENV JIYAO_INDEX=/data/index \
    JIYAO_ADDR=0.0.0.0:8080 \
    JIYAO_LOG=json
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["jiyao"]
CMD ["serve"]
