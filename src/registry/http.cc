#include "registry/http.h"

#include <dlfcn.h>

#include <mutex>
#include <type_traits>

#include <fmt/format.h>

#include "base/utf8.h"

#if SHIPSHAPE_REGISTRY
#include <curl/curl.h>
#endif

namespace shipshape::registry {

#if SHIPSHAPE_REGISTRY
namespace {

struct Sink {
  HttpResponse* response;
  std::size_t max_body;
  bool too_large = false;
};

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->response->body.size() + n > sink->max_body) {
    sink->too_large = true;
    return 0;  // makes curl fail the transfer
  }
  sink->response->body.append(data, n);
  return n;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  Sink* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    sink->response->headers.clear();  // a new response (after a redirect or 100 Continue)
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name = base::ToLower(line.substr(0, colon));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  std::string& slot = sink->response->headers[name];
  if (name == "www-authenticate" && !slot.empty()) {
    slot += ", ";
    slot += value;
  } else {
    slot = std::string(value);
  }
  return n;
}

/// libcurl's functions, loaded when the first request is made rather than linked: libcurl
/// and the libraries it needs (TLS, HTTP/2, IDN, SSH, LDAP, Kerberos...) would be loaded and
/// relocated at every start of shipshape, `lint` included, which needs none of them.
struct CurlApi {
  CURLcode (*global_init)(long) = nullptr;
  CURL* (*easy_init)() = nullptr;
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easy_perform)(CURL*) = nullptr;
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
  const char* (*easy_strerror)(CURLcode) = nullptr;
  void (*easy_cleanup)(CURL*) = nullptr;
  curl_slist* (*slist_append)(curl_slist*, const char*) = nullptr;
  void (*slist_free_all)(curl_slist*) = nullptr;
  /// Why libcurl could not be loaded; empty when it was.
  std::string error;
};

const CurlApi& Curl() {
  static const CurlApi api = [] {
    CurlApi a;
    void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) {
      const char* why = dlerror();
      a.error = fmt::format("libcurl is not installed (Debian's package libcurl4): {}",
                            why ? why : "libcurl.so.4 not found");
      return a;
    }
    auto load = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
      if (fn == nullptr && a.error.empty()) {
        a.error = fmt::format("libcurl.so.4 has no {}", name);
      }
    };
    load(a.global_init, "curl_global_init");
    load(a.easy_init, "curl_easy_init");
    load(a.easy_setopt, "curl_easy_setopt");
    load(a.easy_perform, "curl_easy_perform");
    load(a.easy_getinfo, "curl_easy_getinfo");
    load(a.easy_strerror, "curl_easy_strerror");
    load(a.easy_cleanup, "curl_easy_cleanup");
    load(a.slist_append, "curl_slist_append");
    load(a.slist_free_all, "curl_slist_free_all");
    if (a.error.empty()) a.global_init(CURL_GLOBAL_DEFAULT);
    return a;
  }();
  return api;
}

}  // namespace

bool HaveHttp() { return Curl().error.empty(); }

HttpResponse Perform(const HttpRequest& request) {
  const CurlApi& c = Curl();
  if (!c.error.empty()) {
    HttpResponse response;
    response.error = fmt::format("cannot fetch {}: {} (or use --offline with a lock file)",
                                 request.url, c.error);
    return response;
  }
  HttpResponse response;
  CURL* curl = c.easy_init();
  if (curl == nullptr) {
    response.error = "cannot start libcurl";
    return response;
  }
  Sink sink{&response, request.max_body};
  curl_slist* headers = nullptr;
  for (const std::string& h : request.headers) headers = c.slist_append(headers, h.c_str());
  char error[CURL_ERROR_SIZE] = {0};
  c.easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  c.easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  c.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  c.easy_setopt(curl, CURLOPT_TIMEOUT_MS, request.timeout_ms);
  c.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, request.connect_timeout_ms);
  c.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  c.easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  c.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  c.easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  // Never relaxed: plain HTTP is chosen per registry (endpoint.h), never unverified TLS.
  c.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  c.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  c.easy_setopt(curl, CURLOPT_USERAGENT, "shipshape/" SHIPSHAPE_VERSION);
  c.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  c.easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  c.easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  c.easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  c.easy_setopt(curl, CURLOPT_HEADERDATA, &sink);
  if (request.method == "HEAD") {
    c.easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (request.method != "GET") {
    c.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  const CURLcode code = c.easy_perform(curl);
  if (code == CURLE_OK) {
    c.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  } else if (sink.too_large) {
    response.error = fmt::format("the response is larger than {} bytes", request.max_body);
  } else {
    response.error = error[0] != '\0' ? std::string(error) : c.easy_strerror(code);
    response.transient = code == CURLE_COULDNT_CONNECT || code == CURLE_OPERATION_TIMEDOUT ||
                         code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR ||
                         code == CURLE_GOT_NOTHING || code == CURLE_PARTIAL_FILE;
  }
  c.slist_free_all(headers);
  c.easy_cleanup(curl);
  return response;
}

#else  // built without libcurl (the fully static build)

bool HaveHttp() { return false; }

HttpResponse Perform(const HttpRequest& request) {
  HttpResponse response;
  response.error = fmt::format("cannot fetch {}: this shipshape was built without libcurl "
                               "(use --offline with a lock file)",
                               request.url);
  return response;
}

#endif

}  // namespace shipshape::registry
