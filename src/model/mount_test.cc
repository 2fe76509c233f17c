#include "model/mount.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace shipshape::model {
namespace {

std::vector<std::string> Fields(std::string_view value, std::string* error = nullptr) {
  std::vector<std::string> fields;
  std::string local;
  if (!SplitMountFields(value, &fields, error ? error : &local)) return {"<error>"};
  return fields;
}

TEST(MountTest, CsvSplitting) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Fields("a,b,c"), (V{"a", "b", "c"}));
  EXPECT_EQ(Fields("a,,b,"), (V{"a", "", "b", ""}));
  EXPECT_EQ(Fields("\"a,b\",c"), (V{"a,b", "c"}));
  EXPECT_EQ(Fields("\"say \"\"hi\"\"\",x"), (V{"say \"hi\"", "x"}));
  EXPECT_EQ(Fields("\"\""), (V{""}));
  EXPECT_EQ(Fields(" a , b"), (V{" a ", " b"}));
  EXPECT_EQ(Fields("a,b\n"), (V{"a", "b"}));
}

TEST(MountTest, CsvErrors) {
  std::string error;
  Fields("", &error);
  EXPECT_EQ(error, "failed to parse csv mounts: EOF");
  Fields("foo,aa\"bb,cc", &error);
  EXPECT_EQ(error,
            "failed to parse csv mounts: parse error on line 1, column 7: bare \" in "
            "non-quoted-field");
  Fields("\"", &error);
  EXPECT_EQ(error,
            "failed to parse csv mounts: parse error on line 1, column 2: extraneous or missing "
            "\" in quoted-field");
  Fields("\"a \"word\",\"b\"", &error);
  EXPECT_EQ(error,
            "failed to parse csv mounts: parse error on line 1, column 4: extraneous or missing "
            "\" in quoted-field");
  Fields("\"\"\"", &error);
  EXPECT_EQ(error,
            "failed to parse csv mounts: parse error on line 1, column 4: extraneous or missing "
            "\" in quoted-field");
}

TEST(MountTest, ParseTimeFromCheck) {
  const std::string kError =
      "'from' doesn't support variable expansion, define alias stage instead";
  EXPECT_EQ(CheckMountAtParseTime("from=$STAGE,target=/x"), kError);
  EXPECT_EQ(CheckMountAtParseTime("FROM=a${b}"), kError);
  EXPECT_EQ(CheckMountAtParseTime("from=stage$"), "");
  EXPECT_EQ(CheckMountAtParseTime("from=stage,source=$SRC"), "");
  // Other errors wait for conversion.
  EXPECT_EQ(CheckMountAtParseTime("type=bogus,foo"), "");
  EXPECT_EQ(CheckMountAtParseTime(""), "failed to parse csv mounts: EOF");
}

TEST(MountTest, Defaults) {
  const MountResult r = ParseMount("target=/x");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.mount.type, "bind");
  EXPECT_TRUE(r.mount.readonly);
  EXPECT_FALSE(r.mount.mode.has_value());
  EXPECT_FALSE(r.mount.env.has_value());
  const MountResult tmpfs = ParseMount("type=TMPFS,target=/t,size=1g");
  ASSERT_TRUE(tmpfs.ok()) << tmpfs.error;
  EXPECT_EQ(tmpfs.mount.type, "tmpfs");
  EXPECT_FALSE(tmpfs.mount.readonly);
  EXPECT_EQ(tmpfs.mount.size, 1024LL * 1024 * 1024);
}

TEST(MountTest, BoolValuesUseGoParseBool) {
  EXPECT_TRUE(ParseMount("target=/x,ro=1").mount.readonly);
  EXPECT_FALSE(ParseMount("target=/x,rw=T").mount.readonly);
  EXPECT_EQ(ParseMount("target=/x,rw=yes").error, "invalid value for rw: yes");
  EXPECT_EQ(ParseMount("type=ssh,required=nope").error, "invalid value for required: nope");
}

TEST(MountTest, RequiredDependsOnTypeSeenSoFar) {
  EXPECT_EQ(ParseMount("required,type=secret,id=x").error,
            "unexpected key 'required' for mount type 'bind'");
  EXPECT_TRUE(ParseMount("type=secret,id=x,required").mount.required);
  EXPECT_EQ(ParseMount("size=1m,type=tmpfs").error, "unexpected key 'size' for mount type 'bind'");
}

TEST(MountTest, Suggestions) {
  EXPECT_EQ(ParseMount("type=cach").error, "unsupported mount type \"cach\" (did you mean cache?)");
  EXPECT_EQ(ParseMount("type=cache,sharing=lockd").error,
            "unsupported sharing value \"lockd\" (did you mean locked?)");
  EXPECT_EQ(ParseMount("target=/x,Sorce=a").error,
            "unexpected key 'sorce' in 'Sorce=a' (did you mean source?)");
  EXPECT_EQ(ParseMount("target=/x,readonlyy=true").error,
            "unexpected key 'readonlyy' in 'readonlyy=true' (did you mean readonly?)");
}

TEST(MountTest, ModeUidGid) {
  const MountResult r = ParseMount("type=secret,id=s,mode=0440,uid=0,gid=4294967295");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.mount.mode, 0440u);
  EXPECT_EQ(r.mount.uid, 0u);
  EXPECT_EQ(r.mount.gid, 4294967295u);
  EXPECT_EQ(ParseMount("type=cache,target=/x,gid=4294967296").error,
            "invalid value 4294967296 for gid");
  EXPECT_EQ(ParseMount("type=tmpfs,target=/x,gid=1").error,
            "gid not allowed for \"tmpfs\" type mounts");
}

TEST(MountTest, SecretChecks) {
  EXPECT_TRUE(ParseMount("type=secret,target=/run/s").ok());
  EXPECT_TRUE(ParseMount("type=secret,source=s").ok());
  const MountResult env = ParseMount("type=secret,id=tok,env=");
  ASSERT_TRUE(env.ok()) << env.error;
  EXPECT_EQ(env.mount.env, "");
}

TEST(MountTest, ExpanderRunsOnValuesOnly) {
  const std::map<std::string, std::string> vars = {{"$T", "cache"}, {"$D", "/cache"}};
  std::vector<std::string> seen;
  const MountExpander expand = [&](std::string_view v,
                                   std::string* error) -> std::optional<std::string> {
    seen.emplace_back(v);
    if (v == "$BAD") {
      *error = "failed to process \"$BAD\": boom";
      return std::nullopt;
    }
    const auto it = vars.find(std::string(v));
    return it == vars.end() ? std::string(v) : it->second;
  };
  const MountResult r = ParseMount("type=$T,target=$D,ro", expand);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.mount.type, "cache");
  EXPECT_EQ(r.mount.target, "/cache");
  EXPECT_EQ(seen, (std::vector<std::string>{"$T", "$D"}));
  EXPECT_EQ(ParseMount("target=$BAD", expand).error, "failed to process \"$BAD\": boom");
}

TEST(MountTest, ResolveTargetsAgainstWorkdir) {
  const auto resolve = [](std::string_view value, std::string_view workdir) {
    const MountResult parsed = ParseMount(value);
    EXPECT_TRUE(parsed.ok()) << value << ": " << parsed.error;
    return ResolveMount(parsed.mount, workdir);
  };
  EXPECT_EQ(resolve("target=/x", "/app").target, "/x");
  EXPECT_EQ(resolve("target=x/../y", "/app").target, "/app/y");
  EXPECT_EQ(resolve("target=.", "/app").target, "/app");
  EXPECT_EQ(resolve("target=.", "/").error, "invalid mount target \"/\"");
  EXPECT_EQ(resolve("target=/", "/app").error, "invalid mount target \"/\"");
  // Absolute targets are not cleaned, so `//` slips through as in BuildKit.
  EXPECT_TRUE(resolve("target=//", "/app").ok());
  EXPECT_EQ(resolve("type=cache", "/").error, "invalid mount target \"/\"");
  const ResolvedMount cache = resolve("type=cache,target=/root/.cache/", "/");
  EXPECT_EQ(cache.id, "/root/.cache");
  EXPECT_EQ(resolve("type=cache,target=c,id=pip", "/w").id, "pip");
  EXPECT_EQ(resolve("type=cache,target=c", "/w").id, "c");
}

TEST(MountTest, ResolveSecretAndSsh) {
  const auto resolve = [](std::string_view value) {
    const MountResult parsed = ParseMount(value);
    EXPECT_TRUE(parsed.ok()) << value << ": " << parsed.error;
    return ResolveMount(parsed.mount);
  };
  const ResolvedMount by_id = resolve("type=secret,id=aws");
  EXPECT_EQ(by_id.id, "aws");
  EXPECT_EQ(by_id.target, "/run/secrets/aws");
  const ResolvedMount by_target = resolve("type=secret,target=/etc/token");
  EXPECT_EQ(by_target.id, "token");
  EXPECT_EQ(by_target.target, "/etc/token");
  EXPECT_EQ(resolve("type=secret,source=npmrc").id, "npmrc");
  const ResolvedMount env_only = resolve("type=secret,id=tok,env=TOKEN");
  EXPECT_EQ(env_only.target, "");
  EXPECT_EQ(resolve("type=ssh").id, "default");
  EXPECT_EQ(resolve("type=ssh,id=github").id, "github");
  EXPECT_EQ(resolve("type=ssh,source=x").error, "ssh does not support source");
}

}  // namespace
}  // namespace shipshape::model
