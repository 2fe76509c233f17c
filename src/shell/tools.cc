// How common tools spell their options: which options take a value and which tools have
// subcommands, so that `apt-get -o Dpkg::Options::=--force-confold install -y x` splits into
// subcommand `install`, options `o` (with its value) and `y`, and package `x`.
#include <unordered_map>

#include "shell/commands.h"

namespace shipshape::shell {
namespace {

constexpr ToolSpec kTools[] = {
    // Package managers.
    {"apt-get", true, "oct", "option,config-file,target-release,default-release,host-architecture"},
    {"apt", true, "oct", "option,config-file,target-release,default-release"},
    {"aptitude", true, "ot", "option,target-release"},
    {"apk", true, "XpQ", "repository,root,keys-dir,cache-dir,arch,virtual,repositories-file,t"},
    {"yum", true, "cdex",
     "config,exclude,disablerepo,enablerepo,installroot,releasever,setopt,downloaddir"},
    {"dnf", true, "cdex",
     "config,exclude,disablerepo,enablerepo,installroot,releasever,setopt,repo,repofrompath,"
     "downloaddir"},
    {"microdnf", true, "", "config,disablerepo,enablerepo,installroot,releasever,setopt,repo"},
    {"tdnf", true, "c", "config,disablerepo,enablerepo,installroot,releasever"},
    {"zypper", true, "DcrRCt", "root,config,repo,from,type,cache-dir,reposd-path"},
    {"pacman", false, "b", "dbpath,root,cachedir,config,arch,gpgdir,hookdir,logfile"},
    {"dpkg", false, "", "root,admindir,instdir,force"},
    {"rpm", false, "", "root,dbpath,define,excludedocs"},
    {"pip", true, "rceitf",
     "requirement,constraint,editable,index-url,extra-index-url,trusted-host,find-links,target,"
     "prefix,root,src,cache-dir,log,proxy,timeout,retries,python-version,platform,implementation,"
     "abi,upgrade-strategy,progress-bar,only-binary,no-binary,exists-action,cert,client-cert,"
     "global-option,install-option,config-settings,report"},
    {"pip3", true, "rceitf",
     "requirement,constraint,editable,index-url,extra-index-url,trusted-host,find-links,target,"
     "prefix,root,src,cache-dir,log,proxy,timeout,retries,python-version,platform,implementation,"
     "abi,upgrade-strategy,progress-bar,only-binary,no-binary,exists-action,cert,client-cert,"
     "global-option,install-option,config-settings,report"},
    {"pipx", true, "", "python,pip-args,index-url,suffix"},
    {"npm", true, "wC",
     "workspace,prefix,registry,cache,userconfig,globalconfig,tag,omit,include,loglevel,install-"
     "strategy"},
    {"pnpm", true, "C", "dir,filter,registry,store-dir,reporter"},
    {"yarn", true, "",
     "cwd,cache-folder,modules-folder,registry,network-timeout,mutex,network-concurrency"},
    {"gem", true, "vnsip", "version,install-dir,bindir,source,platform,document"},
    {"bundle", true, "jg", "jobs,path,gemfile,without,with,deployment,retry"},
    {"go", true, "o",
     "tags,ldflags,gcflags,asmflags,mod,modfile,pkgdir,trimpath,buildmode,compiler,installsuffix,"
     "overlay,p"},
    {"cargo", true, "pjZ",
     "package,jobs,target,target-dir,features,root,manifest-path,profile,bin,example,version,git,"
     "branch,tag,rev,path,registry,index,config"},
    {"conda", true, "cnp", "channel,name,prefix,file,override-channels"},
    {"composer", true, "d", "working-dir"},
    {"mvn", false, "DPfsl", "define,activate-profiles,file,settings,log-file,projects"},
    {"gradle", false, "DPpx", "project-dir,exclude-task"},
    {"dotnet", true, "ocfr", "output,configuration,framework,runtime,source,version"},
    {"choco", true, "s", "source,version"},
    // Network and files.
    {"curl", false, "odHuAeXrmxFTbcCKEwy",
     "output,data,data-raw,data-binary,data-urlencode,header,user,user-agent,referer,request,range,"
     "max-time,proxy,form,upload-file,cookie,cookie-jar,config,cert,cacert,key,write-out,retry,"
     "retry-delay,retry-max-time,connect-timeout,speed-limit,speed-time,limit-rate,output-dir,"
     "proto,proto-redir,resolve,tlsv1.2,interface,dns-servers,create-dirs-mode"},
    {"wget", false, "OoPaeUTtwYiB",
     "output-document,output-file,directory-prefix,append-output,execute,user-agent,timeout,tries,"
     "wait,header,input-file,base,user,password,post-data,post-file,ca-certificate,certificate,"
     "private-key,limit-rate,dns-timeout,connect-timeout,read-timeout",
     // `-nv` is `--no-verbose`, not `-n -v`.
     "nv,nc,nd,nH,np"},
    {"tar", false, "fCbTXKIgLNV",
     "file,directory,blocking-factor,files-from,exclude-from,exclude,owner,group,mode,transform,"
     "strip-components,use-compress-program,index-file,mtime,format,newer,starting-file,tape-"
     "length,listed-incremental,label,newer-mtime,after-date,volno-file,info-script,"
     "new-volume-script"},
    {"unzip", false, "dx", ""},
    {"chmod", false, "", "reference"},
    {"chown", false, "", "reference,from"},
    {"cp", false, "St", "target-directory,suffix,backup,preserve,no-preserve,reflink,sparse"},
    {"mv", false, "St", "target-directory,suffix,backup"},
    {"ln", false, "St", "target-directory,suffix,backup"},
    {"mkdir", false, "m", "mode,context"},
    {"install", false, "mogtS", "mode,owner,group,target-directory,suffix,backup,strip-program"},
    {"find", false, "", ""},
    {"sed", false, "ef", "expression,file,line-length,separator"},
    {"grep", false, "efmABCd",
     "regexp,file,max-count,after-context,before-context,context,devices,directories,exclude,"
     "include,exclude-dir,label,color,colour"},
    {"git", true, "Cc",
     "git-dir,work-tree,namespace,exec-path,config-env,branch,depth,origin,reference,shallow-since,"
     "shallow-exclude,jobs,template,separate-git-dir,filter,upload-pack"},
    {"docker", true, "H", "host,config,context,log-level"},
    // Users and services.
    {"useradd", false, "bcdefgGkKpsuZRP",
     "base-dir,comment,home-dir,expiredate,inactive,gid,groups,skel,key,password,shell,uid,selinux-"
     "user,root,prefix"},
    {"adduser", false, "hsgGukDH",
     "home,shell,gecos,ingroup,uid,gid,disabled-password,firstuid,lastuid,conf,add_extra_groups"},
    {"groupadd", false, "gKpR", "gid,key,password,root,prefix"},
    {"addgroup", false, "g", "gid"},
    {"usermod", false, "cdegGlpsuL",
     "comment,home,expiredate,inactive,gid,groups,login,password,shell,uid,root"},
    {"systemctl", true, "", ""},
    {"service", false, "", ""},
    {"update-alternatives", false, "", "install,set,remove,config,display,query,altdir,admindir"},
    {"ldconfig", false, "fCr", ""},
    {"make", false, "CfIjloW",
     "directory,file,include-dir,jobs,load-average,old-file,what-if,assume-new,assume-old"},
    {"cmake", false, "SBGCDTAUP", "build,target,config,parallel,install,prefix,component"},
    {"python", false, "cmWX", ""},
    {"python3", false, "cmWX", ""},
    {"node", false, "er", "eval,require,import,loader"},
    {"java", false, "", "class-path,module-path"},
};

}  // namespace

const ToolSpec* FindTool(std::string_view name) {
  static const std::unordered_map<std::string_view, const ToolSpec*> kByName = [] {
    std::unordered_map<std::string_view, const ToolSpec*> m;
    for (const ToolSpec& t : kTools) m.emplace(t.name, &t);
    return m;
  }();
  if (auto it = kByName.find(name); it != kByName.end()) return it->second;
  // Versioned tools: pip3.11, python3.12.
  const std::size_t digits = name.find_first_of("0123456789");
  if (digits != std::string_view::npos && digits > 0 &&
      name.find_first_not_of("0123456789.", digits) == std::string_view::npos) {
    const std::string_view stem = name.substr(0, digits);
    if (stem == "pip" || stem == "python") return FindTool(stem == "pip" ? "pip" : "python3");
  }
  return nullptr;
}

}  // namespace shipshape::shell
