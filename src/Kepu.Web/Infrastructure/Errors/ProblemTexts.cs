namespace Kepu.Web.Infrastructure.Errors;

/// <summary>Chinese titles and details for problem responses that carry no message of their own.</summary>
internal static class ProblemTexts
{
    public static (string Title, string Detail) For(int status) => status switch
    {
        400 => ("请求参数无效", "提交的信息有误，请按提示修改。"),
        401 => ("未登录", "请先登录，或在请求头中提供有效的访问令牌（Authorization: Bearer ...）。"),
        403 => ("无权操作", "您的账号没有执行此操作的权限。"),
        404 => ("未找到", "您要找的内容不存在或已被删除。"),
        405 => ("不支持的请求方法", "该地址不支持此请求方法。"),
        409 => ("操作与当前状态冲突", "该操作与当前数据状态冲突。"),
        415 => ("不支持的内容类型", "请以 application/json 格式提交。"),
        429 => ("请求过于频繁", "请求太多了，请稍后再试。"),
        _ => ("请求失败", "请求未能完成。"),
    };
}
