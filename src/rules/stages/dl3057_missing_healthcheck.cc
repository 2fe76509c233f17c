// DL3057 missing-healthcheck: the image has no HEALTHCHECK.
#include <fmt/format.h>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::optional<std::size_t> target = model.TargetStage();
  if (!target || !model.stages()[*target].from) return;
  // The image's config comes from the target stage and the stages it is built FROM; a
  // HEALTHCHECK in any of them (`HEALTHCHECK NONE` included: a deliberate choice) settles it.
  // ONBUILD HEALTHCHECK is for downstream images.
  for (std::optional<std::size_t> s = target; s && *s < model.stages().size();
       s = model.stages()[*s].base_stage) {
    const model::Stage& stage = model.stages()[*s];
    for (std::size_t i = stage.begin; i < stage.end; ++i) {
      if (ctx.dockerfile().instructions[i].keyword == syntax::Keyword::kHealthcheck) return;
    }
    // A stage is built on an earlier one: stop on anything else rather than loop.
    if (stage.base_stage && *stage.base_stage >= *s) break;
  }
  const model::Stage& stage = model.stages()[*target];
  // In the default set, only images that look like long-running services: a health check is
  // what keeps a hung server out of service; a tool or batch image has nothing to probe.
  const std::string service = ServiceEvidence(ctx.dockerfile(), model, model.ShippedStages());
  if (service.empty() && !ctx.explicitly_selected()) return;
  ctx.Report(stage.from->word.range,
             fmt::format("The image of stage `{}` has no `HEALTHCHECK`{}; add one, or write "
                         "`HEALTHCHECK NONE` if the orchestrator checks health itself",
                         stage.DisplayName(),
                         service.empty() ? "" : fmt::format(" although {}", service)));
}

}  // namespace

extern const Rule kDL3057 = {
    .code = "DL3057",
    .name = "missing-healthcheck",
    .severity = base::Severity::kInfo,
    .off_in_hadolint = true,
    .default_set_severity = base::Severity::kStyle,
    .category = "stages",
    .fixable = Fixable::kNever,
    .summary = "`HEALTHCHECK` instruction missing",
    .doc = R"md(## What it does
Flags an image built without a `HEALTHCHECK`: neither the target stage (the last one, or
`--target`) nor the stages it is built `FROM` has one. The finding is on the target stage's
`FROM`. `HEALTHCHECK NONE` counts as a decision.

In the default set the rule only judges images that look like long-running services, and
reports them at `style` (shown, never failing the default threshold): the image's stages
`EXPOSE` a port; or its start command (ENTRYPOINT and CMD, through `tini`, `dumb-init` and
`exec`) runs a known server (`nginx`, `httpd`, `apache2-foreground`, `caddy`, `haproxy`,
`traefik`, `envoy`, `lighttpd`, `gunicorn`, `uvicorn`, `hypercorn`, `daphne`, `uwsgi`,
`waitress-serve`, `puma`, `unicorn`, `php-fpm*`, `postgres`, `mysqld`, `mariadbd`, `mongod`,
`redis-server`, `valkey-server`, `memcached`, `rabbitmq-server`, `supervisord`, `sshd`,
`catalina.sh`, `http-server`, `grafana-server`, `manage.py runserver`, `flask run`,
`rails server`, `artisan serve`, `next start`); or it sets no start command and its base is a
server image (`nginx`, `httpd`, `caddy`, `traefik`, `haproxy`, `postgres`, `mysql`,
`mariadb`, `redis`, `mongo`, `rabbitmq`, `memcached`, `tomcat`, `jetty`, `php:*-fpm`,
`php:*-apache`). Builder stages, CLI and tool images stay quiet. Asked for by its code (`--select
DL3057`, `--info DL3057`), by the `hardened` preset or by `ALL`, it judges every image, at
`info`.

## Why is this bad?
Without a health check, Docker and Swarm only know whether the container's process runs, not
whether it still serves; a hung server stays "running" and is never restarted or taken out of
load balancing.

## Example
```dockerfile
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
```

## Use instead
```dockerfile
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s CMD curl -fsS http://localhost/ || exit 1
```

## Fix safety
There is no fix: the right check depends on what the container serves.

## Differences from hadolint
hadolint reports every stage without a HEALTHCHECK (except those whose parent or child stage
has one), builder stages included; shipshape judges only the image that is built, once: the
target stage and its `FROM` chain. `HEALTHCHECK NONE` counts as a decision, as in hadolint. A
health check inherited from the external base image is not known to either tool.

hadolint has the rule off by default; shipshape's default set runs it on services only, at
`style`, so it is seen without failing a build. Orchestrators such as Kubernetes ignore
`HEALTHCHECK` and probe the container themselves: there, write `HEALTHCHECK NONE` to record
the choice, or `--ignore DL3057`. A project configured by a `.hadolint.yaml` keeps hadolint's
default (off; `override: {info: [DL3057]}` turns it on for every image, as hadolint's does),
so moving to shipshape changes none of its DL findings.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
