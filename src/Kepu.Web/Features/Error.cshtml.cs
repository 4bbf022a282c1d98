using Kepu.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features;

/// <summary>The Chinese error page for status codes and unhandled exceptions on pages.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Detail { get; private set; } = "";

    public void OnGet([FromQuery] int? code) => Describe(code);

    public void OnPost([FromQuery] int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? Response.StatusCode;
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        (Title, Detail) = status switch
        {
            404 => ("页面不存在", "您要找的页面不存在或已被删除。"),
            403 => ("没有权限", "您的账号没有访问这个页面的权限。"),
            400 => ("请求有误", "提交的内容有误，请返回修改后再试。"),
            409 => ("操作未完成", "该操作与当前状态冲突。"),
            429 => ("请求过于频繁", "请稍后再试。"),
            _ when status >= 500 => ("服务器出了点问题", "请稍后再试。如果一直出现，请联系平台管理员。"),
            _ => ("出错了", "请求未能完成。"),
        };

        // Known business exceptions carry a Chinese message meant for the user.
        if (exception is BusinessRuleException or NotFoundException or ForbiddenException)
        {
            Detail = exception.Message;
        }
    }
}
