/* The floor for the benchmark: parse every *.json, *.yaml and *.yml file below the given folders with libyaml's
 * event parser and nothing else (no tree, no rules, no output). Single-threaded, as a bare parse would be. */
#include <stdio.h>
#include "floor_walk.h"
#include <string.h>
#include <yaml.h>

static long files, events, failures;

static int wanted(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot && (!strcmp(dot, ".json") || !strcmp(dot, ".yaml") || !strcmp(dot, ".yml"));
}

static void parse_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { failures++; return; }
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, file);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { failures++; break; }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    fclose(file);
    files++;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) walk(argv[i], wanted, parse_file);
    printf("%ld files, %ld events, %ld failures\n", files, events, failures);
    return 0;
}
