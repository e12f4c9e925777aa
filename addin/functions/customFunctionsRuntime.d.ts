/**
 * The one type of Excel's custom-functions runtime the functions' signatures name (the metadata
 * plugin recognises a streaming function by a last parameter of exactly this type name):
 * https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.streaminginvocation
 */
declare namespace CustomFunctions {
  interface StreamingInvocation<ResultType> {
    setResult(value: ResultType | Error): void;
    onCanceled?: () => void;
    address?: string;
  }
}
