#!/usr/bin/env bash
# Builds local images that stand in for the upstream images of compose/docker-compose.yaml, with no image
# registry: a Debian base from debootstrap, a JRE on top of it, and ZooKeeper, Kafka and a Kafka UI stand-in
# from jars that Maven resolves on the host.
#
#   compose/local-images.sh          # build what is missing or out of date, then list the images
#   compose/local-images.sh --list   # print the image names, one a line, and build nothing
#   compose/local-images.sh --kafka-jars  # resolve the Kafka jars (broker and tools), print their folder
#
# Images (compose/docker-compose.local.yaml uses the last three):
#   stackpilot-local/debian:bookworm           debootstrap --variant=minbase bookworm, imported
#   stackpilot-local/jre:17                    Debian's openjdk-17-jre-headless
#   stackpilot-local/zookeeper:3.8.4           ZooKeeper from Maven Central jars
#   stackpilot-local/kafka:3.9.2               Kafka broker in ZooKeeper mode from Maven Central jars
#   stackpilot-local/kafka-ui-standin:0.1.0    stand-in for provectuslabs/kafka-ui: /actuator/health only
#
# Each image carries a label with a hash of its inputs (its build files, versions and parent image). An
# image whose label matches is reused, so a second run takes a few seconds. A changed input rebuilds that
# image and the images built on top of it.
#
# Needs: root (debootstrap), debootstrap, a JDK 17 and the Docker engine that DOCKER_HOST names. Downloads
# go to Debian's mirror and Maven Central only. The debootstrap tarball and the jars are cached under
# STACKPILOT_CACHE_DIR (default ~/.cache/stackpilot).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
recipes="$here/local"
cache="${STACKPILOT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/stackpilot}"
mirror="${STACKPILOT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm

zookeeper_version=3.8.4
kafka_version=3.9.2
standin_version=0.1.0

base_image="stackpilot-local/debian:$suite"
jre_image="stackpilot-local/jre:17"
zookeeper_image="stackpilot-local/zookeeper:$zookeeper_version"
kafka_image="stackpilot-local/kafka:$kafka_version"
standin_image="stackpilot-local/kafka-ui-standin:$standin_version"
inputs_label="io.stackpilot.inputs"

# The legacy builder works against Debian's docker.io; its BuildKit client fails on RUN steps.
export DOCKER_BUILDKIT=0

progress() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
fail() { printf '[%4ds] error: %s\n' "$SECONDS" "$*" >&2; exit 1; }

# Prints the sha256 of stdin.
digest() { sha256sum | cut -c1-64; }

# Prints the inputs label of an image, or nothing when the image does not exist.
image_inputs() {
    docker image inspect --format "{{index .Config.Labels \"$inputs_label\"}}" "$1" 2>/dev/null || true
}

image_id() { docker image inspect --format '{{.Id}}' "$1"; }

# Prints a hash of the files in a recipe folder (names and contents), ignoring Maven output.
recipe_hash() {
    (cd "$1" && find . -type f -not -path './target/*' -print0 | sort -z | xargs -0 sha256sum) | digest
}

mvn() { (cd "$root" && ./mvnw -B -q "$@"); }

# Copies the runtime jars that a recipe's pom.xml declares into a cached folder named after the pom's
# hash, and prints that folder. Maven keeps the downloads in its local repository as well.
resolve_jars() {
    local recipe="$1" out
    out="$cache/jars/$(basename "$recipe")-$(digest <"$recipe/pom.xml" | cut -c1-16)"
    if [[ ! -f "$out/.complete" ]]; then
        progress "Resolving jars for $(basename "$recipe") with Maven" >&2
        rm -rf "$out"
        mvn -f "$recipe/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out" >&2
        touch "$out/.complete"
    fi
    echo "$out"
}

# Trims a debootstrap tree: no package caches, and dpkg skips documentation in later installs. Debian's
# Java packages register man pages with update-alternatives, so the man1 folder stays, empty.
prepare_rootfs() {
    local tree="$1"
    rm -rf "$tree"/var/cache/apt/archives/*.deb "$tree"/var/lib/apt/lists/* "$tree"/var/log/*.log
    rm -rf "$tree"/usr/share/doc/* "$tree"/usr/share/man/* "$tree"/usr/share/info/* "$tree"/usr/share/locale/*
    mkdir -p "$tree/usr/share/man/man1"
    cat >"$tree/etc/dpkg/dpkg.cfg.d/stackpilot-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
EOF
    cat >"$tree/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb ${mirror%/debian}/debian-security $suite-security main
EOF
    cat >"$tree/etc/apt/apt.conf.d/stackpilot-slim" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
EOF
}

# Runs debootstrap once and keeps its untouched result as a tarball in the cache; prints the tarball.
debootstrap_tarball() {
    local tarball
    tarball="$cache/debootstrap-$suite-minbase-$(digest <<<"$mirror" | cut -c1-12).tar"
    if [[ ! -f "$tarball" ]]; then
        command -v debootstrap >/dev/null || fail "debootstrap is not installed; run: apt-get install debootstrap"
        [[ $EUID -eq 0 ]] || fail "debootstrap needs root; run this script as root"
        progress "Running debootstrap --variant=minbase $suite from $mirror (30 s to 2 min)" >&2
        local tree
        tree="$(mktemp -d "$cache/rootfs.XXXXXX")"
        if ! debootstrap --variant=minbase "$suite" "$tree" "$mirror" >"$cache/debootstrap.log" 2>&1; then
            rm -rf "$tree"
            fail "debootstrap failed; see $cache/debootstrap.log"
        fi
        tar -C "$tree" --numeric-owner -cf "$tarball.part" .
        mv "$tarball.part" "$tarball"
        rm -rf "$tree"
    fi
    echo "$tarball"
}

build_base() {
    local inputs
    inputs="$(printf '%s\n' "$suite" "$mirror" "$(declare -f prepare_rootfs)" | digest)"
    up_to_date "$base_image" "$inputs" && return
    local tarball tree
    tarball="$(debootstrap_tarball)"
    progress "Importing $base_image"
    tree="$(mktemp -d "$cache/rootfs.XXXXXX")"
    tar -C "$tree" --numeric-owner -xf "$tarball"
    prepare_rootfs "$tree"
    tar -C "$tree" --numeric-owner -c . | docker import \
        --change "LABEL $inputs_label=$inputs" \
        --change 'ENV LANG=C.UTF-8' \
        --change 'CMD ["bash"]' \
        - "$base_image" >/dev/null
    rm -rf "$tree"
}

# Builds an image from a context folder and labels it with the given inputs hash.
build_image() {
    local image="$1" context="$2" inputs="$3"
    local log="$cache/build-$(basename "$context").log"
    progress "Building $image"
    if ! docker build --network host --force-rm --label "$inputs_label=$inputs" --tag "$image" "$context" >"$log" 2>&1; then
        tail -20 "$log" >&2
        fail "building $image failed; see $log"
    fi
    rm -rf "$context"
}

# Prints the hash of a recipe folder, its parent image id and any extra inputs given.
inputs_of() {
    local recipe="$1" parent="$2"
    shift 2
    printf '%s\n' "$(recipe_hash "$recipe")" "$(image_id "$parent")" "$@" | digest
}

# Fills a fresh build context with a recipe's files and, when given, a folder of jars as lib/.
make_context() {
    local recipe="$1" jars="${2:-}" context
    context="$cache/context/$(basename "$recipe")"
    rm -rf "$context"
    mkdir -p "$context"
    cp -R "$recipe/." "$context/"
    rm -rf "$context/target" "$context/src"
    if [[ -n "$jars" ]]; then
        mkdir -p "$context/lib"
        cp "$jars"/*.jar "$context/lib/"
    fi
    echo "$context"
}

# Succeeds, with a progress line, when an image's inputs label equals the given hash.
up_to_date() {
    if [[ "$(image_inputs "$1")" == "$2" ]]; then
        progress "$1 is up to date"
        return 0
    fi
    return 1
}

# Builds an image from a recipe folder on top of a parent image, unless its inputs label is current. The
# optional fourth argument names a function that takes the recipe folder and prints a folder of jars for
# lib/; it runs only when the image is built.
build_recipe() {
    local image="$1" recipe="$2" parent="$3" jars_function="${4:-}" inputs jars=""
    inputs="$(inputs_of "$recipe" "$parent")"
    up_to_date "$image" "$inputs" && return
    if [[ -n "$jars_function" ]]; then
        jars="$("$jars_function" "$recipe")"
    fi
    build_image "$image" "$(make_context "$recipe" "$jars")" "$inputs"
}

# Compiles the stand-in with Maven on the host and prints the folder with its jar and the client jars.
compile_standin() {
    local recipe="$1" out="$cache/build/kafka-ui-standin"
    progress "Compiling the Kafka UI stand-in with Maven" >&2
    rm -rf "$out"
    mvn -f "$recipe/pom.xml" package -Dstandin.build.directory="$out" -Dstandin.libs="$out/lib" >&2
    cp "$out/kafka-ui-standin.jar" "$out/lib/"
    echo "$out/lib"
}

main() {
    case "${1:-}" in
        "") ;;
        --list)
            printf '%s\n' "$base_image" "$jre_image" "$zookeeper_image" "$kafka_image" "$standin_image"
            return
            ;;
        --kafka-jars)
            mkdir -p "$cache"
            resolve_jars "$recipes/kafka"
            return
            ;;
        *) fail "unknown argument '$1'; usage: $0 [--list | --kafka-jars]" ;;
    esac

    command -v docker >/dev/null || fail "the docker client is not installed; run: apt-get install docker.io"
    docker version --format '{{.Server.Version}}' >/dev/null 2>&1 \
        || fail "no Docker engine answers at ${DOCKER_HOST:-the default socket}; start one or set DOCKER_HOST"
    mkdir -p "$cache"

    # Two runs at once would share the cache folders, so the second one waits.
    exec 9>"$cache/.lock"
    if ! flock --nonblock 9; then
        progress "Waiting for another run of this script to finish"
        flock 9
    fi

    build_base
    build_recipe "$jre_image" "$recipes/jre" "$base_image"
    build_recipe "$zookeeper_image" "$recipes/zookeeper" "$jre_image" resolve_jars
    build_recipe "$kafka_image" "$recipes/kafka" "$jre_image" resolve_jars
    build_recipe "$standin_image" "$recipes/kafka-ui-standin" "$jre_image" compile_standin

    # Images replaced by this run are left without a tag; remove them (only this script's images).
    local stale
    stale="$(docker image ls --quiet --filter dangling=true --filter "label=$inputs_label")"
    if [[ -n "$stale" ]]; then
        # shellcheck disable=SC2086 # one image id a line
        docker image rm $stale >/dev/null 2>&1 || true
    fi

    progress "Local images ready:"
    docker image ls --filter "label=$inputs_label" --format 'table {{.Repository}}:{{.Tag}}\t{{.Size}}'
}

main "$@"
